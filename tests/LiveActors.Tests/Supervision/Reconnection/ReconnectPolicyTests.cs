using LiveActors.Options;
using LiveActors.Supervision.Reconnection;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision.Reconnection;

/// <summary>What a session does after a drop, on plain values: retry with backoff, at once, afresh, or give up.</summary>
public sealed class ReconnectPolicyTests
{
    private static readonly RetryOptions Retry = new() { Attempts = 2, Delay = TimeSpan.FromSeconds(1), Backoff = 2, Jitter = 0 };
    private static readonly ConnectionFailed Dropped = new("gone");

    [Fact]
    public void Failed_attempts_wait_the_schedule_then_give_up_past_the_attempts_with_the_last_error()
    {
        var policy = new ReconnectPolicy(Retry);

        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromSeconds(1), 1), policy.AfterDrop(Dropped, resuming: false, wasReady: false, wasHealthy: false));
        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromSeconds(2), 2), policy.AfterDrop(Dropped, resuming: false, wasReady: false, wasHealthy: false));
        var giveUp = Assert.IsType<Reconnect.GiveUp>(policy.AfterDrop(Dropped, resuming: false, wasReady: false, wasHealthy: false));

        Assert.Equal(new MaxRetriesExceeded(3, Dropped), giveUp.Error);
        Assert.Equal((3, Dropped), (policy.Attempt, policy.LastError));
    }

    [Fact]
    public void A_healthy_connection_is_retried_at_once_with_a_fresh_count()
    {
        var policy = new ReconnectPolicy(Retry);
        policy.AfterDrop(Dropped, resuming: false, wasReady: false, wasHealthy: false);

        Assert.IsType<Reconnect.RetryNow>(policy.AfterDrop(Dropped, resuming: false, wasReady: true, wasHealthy: true));
        Assert.Equal(0, policy.Attempt);
    }

    [Fact]
    public void A_non_retryable_error_gives_up_at_once_with_that_error()
    {
        var refused = new ServerClosed(1008, "policy");

        Assert.Equal(new Reconnect.GiveUp(refused), new ReconnectPolicy(Retry).AfterDrop(refused, resuming: false, wasReady: false, wasHealthy: false));
    }

    [Theory]
    [InlineData(1007, true, false, true)]
    [InlineData(1008, true, false, true)]
    [InlineData(1008, false, false, false)] // nothing presented: nothing refused
    [InlineData(1008, true, true, false)] // refused after setupComplete: not the handle
    public void A_handle_refused_before_setup_complete_starts_a_fresh_session(int code, bool resuming, bool wasReady, bool fresh)
    {
        var next = new ReconnectPolicy(Retry).AfterDrop(new ServerClosed(code, "stale"), resuming, wasReady, wasHealthy: false);

        Assert.Equal(fresh, next is Reconnect.StartFresh);
    }

    [Fact]
    public void After_a_healthy_connection_the_next_run_starts_again_at_the_first_wait_and_gets_every_attempt()
    {
        var jittered = Retry with { Jitter = 0.5 };
        var policy = new ReconnectPolicy(jittered, attempt => RetrySchedule.Delay(jittered, attempt, random: 0)); // the low end of the spread
        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromMilliseconds(500), 1), policy.AfterDrop(Dropped, false, false, false));
        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromSeconds(1), 2), policy.AfterDrop(Dropped, false, false, false));

        policy.Healthy();

        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromMilliseconds(500), 1), policy.AfterDrop(Dropped, false, false, false));
        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromSeconds(1), 2), policy.AfterDrop(Dropped, false, false, false));
        Assert.IsType<Reconnect.GiveUp>(policy.AfterDrop(Dropped, false, false, false));
    }

    [Fact]
    public void Healthy_start_over_and_connected_reset_what_the_status_reports()
    {
        var policy = new ReconnectPolicy(Retry, attempt => TimeSpan.FromMilliseconds(attempt));
        Assert.Equal(new Reconnect.RetryAfter(TimeSpan.FromMilliseconds(1), 1), policy.AfterDrop(Dropped, false, false, false));

        policy.Connected();
        Assert.Equal((1, null, 1), (policy.Attempt, policy.LastError, policy.Connections));
        policy.Healthy();
        Assert.Equal(0, policy.Attempt);
        policy.AfterDrop(Dropped, false, false, false);
        policy.StartOver();
        Assert.Equal((0, 1), (policy.Attempt, policy.Connections));
        Assert.Equal(Retry.ResetAfter, policy.ResetAfter);
    }

    [Fact]
    public void A_handle_that_failed_its_resumes_in_a_row_is_abandoned_for_a_fresh_session_even_after_a_healthy_connection()
    {
        var policy = new ReconnectPolicy(Retry with { Attempts = 10 }, maxResumesPerHandle: 3);
        var unavailable = new ServerClosed(1011, "The service is currently unavailable.");

        Assert.IsType<Reconnect.RetryAfter>(policy.AfterDrop(unavailable, resuming: true, wasReady: true, wasHealthy: false, failedResumes: 1));
        Assert.IsType<Reconnect.RetryNow>(policy.AfterDrop(unavailable, resuming: true, wasReady: true, wasHealthy: true, failedResumes: 2));
        Assert.IsType<Reconnect.StartFresh>(policy.AfterDrop(unavailable, resuming: true, wasReady: true, wasHealthy: true, failedResumes: 3));
        Assert.IsType<Reconnect.RetryAfter>(policy.AfterDrop(unavailable, resuming: false, wasReady: true, wasHealthy: false, failedResumes: 3)); // nothing presented
    }

    [Fact]
    public void Abandoning_a_poisoned_handle_comes_before_giving_up_on_the_attempts()
    {
        var policy = new ReconnectPolicy(Retry with { Attempts = 1 }, maxResumesPerHandle: 2);
        var unavailable = new ServerClosed(1011, "The service is currently unavailable.");

        Assert.IsType<Reconnect.RetryAfter>(policy.AfterDrop(unavailable, resuming: true, wasReady: true, wasHealthy: false, failedResumes: 1));
        Assert.IsType<Reconnect.StartFresh>(policy.AfterDrop(unavailable, resuming: true, wasReady: true, wasHealthy: false, failedResumes: 2));
    }
}
