using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using LiveActors.Options;
using LiveActors.Supervision.Reconnection;

namespace LiveActors.Tests.Supervision.Reconnection;

public sealed class RetryScheduleTests
{
    [Fact]
    public void The_default_schedule_is_gemini_exs_one_two_four_seconds()
    {
        var retry = new RetryOptions();

        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
            Enumerable.Range(1, 3).Select(n => RetrySchedule.Delay(retry, n)));
    }

    [Fact]
    public void The_wait_is_capped_by_max_delay()
    {
        var retry = new RetryOptions { Delay = TimeSpan.FromSeconds(1), Backoff = 3, MaxDelay = TimeSpan.FromSeconds(10) };

        Assert.Equal(TimeSpan.FromSeconds(9), RetrySchedule.Delay(retry, 3));
        Assert.Equal(TimeSpan.FromSeconds(10), RetrySchedule.Delay(retry, 4));
        Assert.Equal(TimeSpan.FromSeconds(10), RetrySchedule.Delay(retry, 400));
    }

    [Theory]
    [InlineData(0.0, 500)]
    [InlineData(0.5, 1000)]
    [InlineData(0.999999, 1500)]
    public void Jitter_spreads_the_wait_around_the_exact_schedule(double random, double expectedMilliseconds)
    {
        var retry = new RetryOptions { Jitter = 0.5 };

        Assert.Equal(expectedMilliseconds, RetrySchedule.Delay(retry, 1, random).TotalMilliseconds, precision: 0);
    }

    [Fact]
    public void Attempts_are_counted_from_one() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => RetrySchedule.Delay(new RetryOptions(), 0));

    [Property]
    public Property Waits_never_shrink_and_never_pass_max_delay(PositiveInt attempt)
    {
        var retry = new RetryOptions { Delay = TimeSpan.FromMilliseconds(100), Backoff = 1.7, MaxDelay = TimeSpan.FromSeconds(20) };
        var n = Math.Min(attempt.Get, 10_000);
        var wait = RetrySchedule.Delay(retry, n);
        var next = RetrySchedule.Delay(retry, n + 1);

        return (wait <= next && next <= retry.MaxDelay && wait >= retry.Delay).ToProperty();
    }
}
