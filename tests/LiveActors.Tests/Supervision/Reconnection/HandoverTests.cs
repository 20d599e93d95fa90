using LiveActors.Supervision.Reconnection;

namespace LiveActors.Tests.Supervision.Reconnection;

/// <summary>A goAway's handover rules, on plain durations: the deadline, the one extension, and when the socket may close.</summary>
public sealed class HandoverTests
{
    [Fact]
    public void The_socket_closes_at_half_the_time_left_or_of_two_seconds_when_goAway_does_not_say()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), Handover.After(TimeSpan.FromSeconds(10)).Deadline);
        Assert.Equal(TimeSpan.FromSeconds(1), Handover.After(null).Deadline);
    }

    [Fact]
    public void A_pending_call_extends_the_deadline_once_to_nine_tenths_of_the_time_left()
    {
        var handover = Handover.After(TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(4), handover.ExtensionFor(callPending: true));
        Assert.Null(handover.ExtensionFor(callPending: false));
        Assert.Null((handover with { Extended = true }).ExtensionFor(callPending: true));
    }

    [Theory]
    [InlineData(0, false, false, true)]
    [InlineData(1, false, false, false)]
    [InlineData(0, true, false, false)]
    [InlineData(0, false, true, false)]
    public void The_socket_closes_early_only_with_nothing_unconfirmed_pending_or_streaming(int onConnection, bool callPending, bool replyStreaming, bool closes) =>
        Assert.Equal(closes, Handover.CanCloseNow(onConnection, callPending, replyStreaming));
}
