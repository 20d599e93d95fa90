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

    [Fact]
    public void Of_the_turns_an_update_covers_only_the_newest_waits_for_its_answer_and_it_is_not_unconfirmed()
    {
        var handed = new HandedMessages();
        for (var sequence = 1; sequence <= 5; sequence++)
        {
            handed.Add(Message(sequence, 10)); // positions 1 to 5
        }

        handed.WrittenThrough(5);
        handed.ReleaseThroughPosition(4, m => m.Sequence is 1 or 3 or 4); // turns 1, 3 and 4 await answers; 2 does not

        Assert.Equal([(4L, true, true), (5L, true, false)], handed.TakeAll().Select(h => (h.Message.Sequence, h.Written, h.Consumed)));
    }

    [Fact]
    public void The_counts_put_a_consumed_turn_apart_from_the_written_messages_until_it_goes()
    {
        var handed = new HandedMessages();
        handed.Add(Message(1, 10));
        handed.Add(Message(2, 20));

        handed.ReleaseThroughPosition(1, _ => true); // consumed before the writer's word came

        Assert.Equal((1, 20L, 0, 0L, 1), (handed.UnwrittenCount, handed.UnwrittenBytes, handed.WrittenCount, handed.WrittenBytes, handed.ConsumedCount));
        handed.WrittenThrough(2);
        Assert.Equal((0, 1, 20L, 1), (handed.UnwrittenCount, handed.WrittenCount, handed.WrittenBytes, handed.ConsumedCount));
        handed.ReleaseConsumed();
        Assert.Equal((1, 0, 2L), (handed.Count, handed.ConsumedCount, handed.LowestSequence!.Value));
    }

    [Fact]
    public void A_consumed_turn_held_from_an_earlier_update_is_superseded_by_a_later_turn_a_later_update_covers()
    {
        var handed = new HandedMessages();
        handed.Add(Message(1, 10));
        handed.Add(Message(2, 10));
        handed.Add(Message(3, 10));
        handed.WrittenThrough(3);
        handed.ReleaseThroughPosition(1, _ => true);

        handed.ReleaseThroughPosition(2, m => m.Sequence != 2); // 2 is audio, say: it does not cut turn 1 short
        Assert.True(handed.Holds(1));

        handed.ReleaseThroughPosition(3, _ => true);
        Assert.Equal([(3L, true)], handed.TakeAll().Select(h => (h.Message.Sequence, h.Consumed)));
    }

    [Fact]
    public void Turns_a_reply_answered_before_the_update_came_are_let_go_at_once()
    {
        var handed = new HandedMessages();
        handed.Add(Message(1, 10));
        handed.Add(Message(2, 10));
        handed.Add(Message(3, 10));
        handed.WrittenThrough(3);

        handed.ReleaseThroughPosition(3, m => m.Sequence > 2); // answered through 2: only 3 still waits

        Assert.Equal([(3L, true)], handed.TakeAll().Select(h => (h.Message.Sequence, h.Consumed)));
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
