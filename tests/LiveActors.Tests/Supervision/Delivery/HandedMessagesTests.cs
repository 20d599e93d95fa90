using Akka.Actor;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Transport;

namespace LiveActors.Tests.Supervision.Delivery;

/// <summary>
/// The current connection's messages, each with its position and whether it was written, and when a dropped connection's
/// message goes again (<see cref="ReplayRule"/>).
/// </summary>
public sealed class HandedMessagesTests
{
    [Fact]
    public void Written_messages_move_from_the_unwritten_count_to_the_written_one()
    {
        var handed = new HandedMessages();
        handed.Add(Message(1, 10));
        handed.Add(Message(2, 20));
        handed.Add(Message(3, 40));

        handed.WrittenThrough(2);

        Assert.Equal((1, 40L, 2, 30L), (handed.UnwrittenCount, handed.UnwrittenBytes, handed.WrittenCount, handed.WrittenBytes));
        Assert.Equal(1, handed.LowestSequence);
    }

    [Fact]
    public void Only_written_messages_are_released_from_the_front_and_the_oldest_unwritten_stops_the_release()
    {
        var handed = new HandedMessages();
        handed.Add(Message(1, 10));
        handed.Add(Message(2, 10));
        handed.Add(Message(3, 10));
        handed.WrittenThrough(2);

        handed.ReleaseWrittenThrough(1);
        Assert.Equal((2, 2L), (handed.Count, handed.LowestSequence!.Value));

        handed.ReleaseWrittenThrough(long.MaxValue);
        Assert.Equal((1, 0), (handed.Count, handed.WrittenCount));
        Assert.Null(handed.ReleaseOldestWritten()); // 3 is not written
    }

    [Fact]
    public void Positions_start_after_the_handshake_and_close_up_behind_a_rejected_message()
    {
        var handed = new HandedMessages();
        handed.Restart(firstPosition: 2); // setup and the initial history went first
        handed.Add(Message(1, 10)); // position 2
        handed.Add(Message(2, 10)); // 3
        handed.Add(Message(3, 10)); // 4, then 3 once 2 is rejected
        handed.Reject(Message(2, 10));
        handed.Add(Message(4, 10)); // 4

        handed.ReleaseThroughPosition(3, _ => false);

        Assert.Equal([(4L, false)], handed.TakeAll().Select(h => (h.Message.Sequence, h.Written)));
        Assert.Equal((0, 0L), (handed.Count, handed.UnwrittenBytes));
    }

    [Fact]
    public void A_held_message_is_found_by_its_sequence_until_it_is_released()
    {
        var handed = new HandedMessages();
        handed.Add(Message(5, 10));
        handed.WrittenThrough(5);

        Assert.True(handed.Holds(5));
        Assert.Equal(5, handed.ReleaseOldestWritten()?.Sequence);
        Assert.False(handed.Holds(5));
    }

    [Theory]
    [InlineData(nameof(DeliveryTracking.Written), UncertainDelivery.ResendAll, false)]
    [InlineData(nameof(DeliveryTracking.Handle), UncertainDelivery.Report, false)]
    [InlineData(nameof(DeliveryTracking.Handle), UncertainDelivery.ResendAll, true)]
    [InlineData(nameof(DeliveryTracking.Transparent), UncertainDelivery.Report, true)]
    public void A_sent_message_goes_again_under_transparent_resumption_or_when_the_policy_says_so_with_handles(
        string tracking, UncertainDelivery policy, bool replays)
    {
        var rule = new ReplayRule(Enum.Parse<DeliveryTracking>(tracking), policy);

        Assert.Equal(replays, rule.Replays(Message(1, 10), sent: true));
        Assert.True(rule.Replays(Message(1, 10), sent: false)); // never sent: nothing is in doubt
    }

    [Fact]
    public void Resend_realtime_audio_sends_audio_again_and_reports_the_rest_and_an_asked_resend_lasts_one_connection()
    {
        var rule = new ReplayRule(DeliveryTracking.Handle, UncertainDelivery.ResendRealtimeAudio);
        var audio = new OutboundMessage(1, RealtimeInput.Pcm(new byte[320]), ActorRefs.Nobody);

        Assert.True(rule.Replays(audio, sent: true));
        Assert.False(rule.Replays(Message(2, 10), sent: true));

        rule.Resend(2);
        Assert.True(rule.Replays(Message(2, 10), sent: true));
        rule.ConnectionEnded();
        Assert.False(rule.Replays(Message(2, 10), sent: true));
    }

    private static OutboundMessage Message(long sequence, long size) =>
        new(sequence, ClientContent.UserText($"message {sequence}"), ActorRefs.Nobody, size);
}
