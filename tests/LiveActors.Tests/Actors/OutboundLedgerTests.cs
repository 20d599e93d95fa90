using Akka.Actor;
using LiveActors.Actors;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Actors;

public sealed class OutboundLedgerTests
{
    private static readonly OutboundQueueOptions Roomy = new() { MaxMessages = 100, MaxBytes = 1_000_000 };

    [Fact]
    public void Sends_are_refused_past_the_message_limit_with_what_is_waiting()
    {
        var ledger = new OutboundLedger(Roomy with { MaxMessages = 2 }, DeliveryTracking.Written);
        ledger.Queue(Message(1, 10));
        ledger.Queue(Message(2, 10));

        Assert.Equal(new BufferFull(2, 20), ledger.Refusal(10));
    }

    [Fact]
    public void Sends_are_refused_past_the_byte_limit_but_one_oversized_message_alone_may_wait()
    {
        var ledger = new OutboundLedger(Roomy with { MaxBytes = 100 }, DeliveryTracking.Written);
        Assert.Null(ledger.Refusal(500));
        ledger.Queue(Message(1, 60));

        Assert.Null(ledger.Refusal(40));
        Assert.Equal(new BufferFull(1, 60), ledger.Refusal(41));
    }

    [Fact]
    public void Queued_messages_move_to_a_new_connection_in_order_and_written_ones_stop_counting()
    {
        var ledger = new OutboundLedger(Roomy, DeliveryTracking.Written);
        ledger.Queue(Message(1, 10));
        ledger.Queue(Message(2, 10));

        Assert.Equal([1L, 2L], ledger.StartConnection().Select(m => m.Sequence));
        ledger.Written(2);

        Assert.True(ledger.IsEmpty);
        Assert.Equal(0, ledger.PendingCount);
    }

    [Fact]
    public void Without_resumption_only_the_message_being_written_is_uncertain_and_the_unwritten_ones_are_requeued()
    {
        var ledger = HandedOut(DeliveryTracking.Written, 4);
        ledger.Written(1);

        var settlement = ledger.ConnectionEnded(lastWritten: 1, inFlight: Message(2, 10));

        Assert.Equal([2L], settlement.Uncertain.Select(m => m.Sequence));
        Assert.Equal([3L, 4L], ledger.StartConnection().Select(m => m.Sequence));
    }

    [Fact]
    public void With_handles_written_messages_wait_for_a_resumable_handle_and_are_uncertain_without_one()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 4);
        ledger.Written(1);
        ledger.HandleReceived(); // covers 1
        ledger.Written(3);

        var settlement = ledger.ConnectionEnded(lastWritten: 3, inFlight: Message(4, 10));

        Assert.Equal([2L, 3L, 4L], settlement.Uncertain.Select(m => m.Sequence));
        Assert.Empty(ledger.StartConnection());
    }

    [Fact]
    public void With_transparent_resumption_everything_the_server_did_not_consume_is_replayed_in_order_exactly_once()
    {
        var ledger = HandedOut(DeliveryTracking.Transparent, 5);
        ledger.Written(4);
        ledger.Consumed(1); // positions 0 and 1: sequences 1 and 2

        var settlement = ledger.ConnectionEnded(lastWritten: 4, inFlight: Message(5, 10));
        ledger.Queue(Message(6, 10));

        Assert.Empty(settlement.Uncertain);
        Assert.Equal(3, settlement.Replayed); // 3 and 4 were written, 5 was being written
        Assert.Equal([3L, 4L, 5L, 6L], ledger.StartConnection().Select(m => m.Sequence));
        ledger.Consumed(3);
        Assert.True(ledger.IsEmpty);
    }

    [Fact]
    public void Positions_restart_with_each_connection()
    {
        var ledger = HandedOut(DeliveryTracking.Transparent, 2);
        ledger.ConnectionEnded(lastWritten: 2, inFlight: null);
        ledger.StartConnection();

        ledger.Consumed(0);

        Assert.Equal(1, ledger.PendingCount + ledger.UnconfirmedCount);
    }

    [Fact]
    public void A_rejected_message_is_forgotten_and_later_positions_close_up()
    {
        var ledger = HandedOut(DeliveryTracking.Transparent, 3);

        ledger.Rejected(Message(2, 10));
        ledger.Written(3);
        ledger.Consumed(1); // the server saw sequences 1 and 3 as positions 0 and 1

        Assert.True(ledger.IsEmpty);
    }

    [Fact]
    public void A_graceful_close_means_the_server_has_everything_written()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 3);

        ledger.ClosedGracefully(lastWritten: 3);

        Assert.Empty(ledger.ConnectionEnded(3, null).Uncertain);
        Assert.True(ledger.IsEmpty);
    }

    [Fact]
    public void Unconfirmed_messages_are_bounded_too_the_oldest_is_taken_as_delivered()
    {
        var ledger = new OutboundLedger(Roomy with { MaxMessages = 2 }, DeliveryTracking.Handle);
        ledger.StartConnection();
        for (var i = 1; i <= 2; i++)
        {
            ledger.Hand(Message(i, 10));
        }

        ledger.Written(2);
        ledger.Hand(Message(3, 10));
        ledger.Written(3);

        Assert.Equal(2, ledger.UnconfirmedCount);
        Assert.Equal([2L, 3L], ledger.ConnectionEnded(3, null).Uncertain.Select(m => m.Sequence));
    }

    [Fact]
    public void At_the_end_everything_not_written_is_handed_back_to_be_failed()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 2);
        ledger.Written(1);
        ledger.Queue(Message(3, 10));

        Assert.Equal([2L, 3L], ledger.TakeAll().Select(m => m.Sequence));
        Assert.True(ledger.IsEmpty);
        Assert.Equal(0, ledger.PendingBytes);
    }

    private static OutboundLedger HandedOut(DeliveryTracking tracking, int count)
    {
        var ledger = new OutboundLedger(Roomy, tracking);
        ledger.StartConnection();
        for (var i = 1; i <= count; i++)
        {
            ledger.Hand(Message(i, 10));
        }

        return ledger;
    }

    private static OutboundMessage Message(long sequence, long size) =>
        new(sequence, ClientContent.UserText($"message {sequence}"), ActorRefs.Nobody, size);
}
