using LiveActors.Supervision;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Tests.Supervision;

/// <summary>When a region's session passivates, on a fake clock: idle time, quiet, resumable, and when to look again.</summary>
public sealed class IdleWatchTests
{
    private static readonly TimeSpan After = TimeSpan.FromMinutes(2);
    private readonly FakeTimeProvider _clock = new();

    private TimeSpan Now => TimeSpan.FromTicks(_clock.GetUtcNow().UtcTicks);

    [Fact]
    public void It_passivates_only_idle_long_enough_quiet_and_resumable()
    {
        var watch = new IdleWatch(new Passivation(After));
        watch.Touch(Now);
        _clock.Advance(After - TimeSpan.FromTicks(1));

        Assert.False(watch.MayPassivate(Now, After, quiet: true, resumable: true));
        _clock.Advance(TimeSpan.FromTicks(1));
        Assert.True(watch.MayPassivate(Now, After, quiet: true, resumable: true));
        Assert.False(watch.MayPassivate(Now, After, quiet: false, resumable: true));
        Assert.False(watch.MayPassivate(Now, After, quiet: true, resumable: false));
        Assert.Equal(After, watch.IdleFor(Now));
    }

    [Fact]
    public void The_next_look_waits_the_rest_of_the_idle_time_or_a_whole_one_once_it_is_over()
    {
        var watch = new IdleWatch(new Passivation(After));
        watch.Touch(Now);
        _clock.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TimeSpan.FromSeconds(90), watch.NextCheck(Now));
        _clock.Advance(After);
        Assert.Equal(After, watch.NextCheck(Now));
    }

    [Fact]
    public void Activity_moves_the_idle_time_back_to_zero()
    {
        var watch = new IdleWatch(new Passivation(After));
        _clock.Advance(After);
        watch.Touch(Now);

        Assert.Equal(TimeSpan.Zero, watch.IdleFor(Now));
        Assert.False(watch.MayPassivate(Now, TimeSpan.FromTicks(1), quiet: true, resumable: true));
    }

    [Fact]
    public void Without_a_region_it_never_passivates_and_never_looks_again()
    {
        var watch = new IdleWatch(passivation: null);
        _clock.Advance(After);

        Assert.False(watch.Enabled);
        Assert.False(watch.MayPassivate(Now, TimeSpan.Zero, quiet: true, resumable: true));
        Assert.Null(watch.NextCheck(Now));
    }

    [Fact]
    public void A_region_that_only_asks_has_no_idle_timer_but_may_passivate_at_its_ask()
    {
        var watch = new IdleWatch(new Passivation(After: null));

        Assert.Null(watch.NextCheck(Now));
        Assert.True(watch.MayPassivate(Now, TimeSpan.Zero, quiet: true, resumable: true));
        Assert.False(watch.Draining);
        watch.Drain();
        Assert.True(watch.Draining);
    }
}
