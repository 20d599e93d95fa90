using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision.Delivery;

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
    public void With_handles_a_reply_and_a_handle_after_it_confirm_the_turn_and_what_came_before()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 4);
        ledger.Written(1);
        ledger.Proven(1); // the reply to turn 1
        ledger.HandleReceived(); // issued after the reply: covers 1
        ledger.Written(3);

        var settlement = ledger.ConnectionEnded(lastWritten: 3, inFlight: Message(4, 10));

        Assert.Equal([2L, 3L, 4L], settlement.Uncertain.Select(m => m.Sequence));
        Assert.Empty(ledger.StartConnection());
    }

    [Fact]
    public void A_reply_that_comes_before_the_writers_word_counts_as_that_word()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 2);

        ledger.Proven(1); // the server answered turn 1; the writer's batch report of it is still on its way
        ledger.HandleReceived();

        Assert.Equal(1, ledger.PendingCount + ledger.UnconfirmedCount);
        Assert.Equal(0, ledger.UnconfirmedCount);
    }

    [Fact]
    public void A_handle_that_arrives_after_a_write_confirms_nothing_without_evidence()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 3);
        ledger.Written(3);

        ledger.HandleReceived(); // issued before the server had any of them, as far as the client can tell

        Assert.Equal(3, ledger.UnconfirmedCount);
        Assert.Equal([1L, 2L, 3L], ledger.ConnectionEnded(3, null).Uncertain.Select(m => m.Sequence));
    }

    [Fact]
    public void Evidence_without_a_later_handle_is_not_enough_the_resumed_state_would_not_have_it()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 2);
        ledger.Written(2);
        ledger.HandleReceived();
        ledger.Proven(2);

        Assert.Equal([1L, 2L], ledger.ConnectionEnded(2, null).Uncertain.Select(m => m.Sequence));
    }

    [Fact]
    public void Each_reply_proves_one_more_turn_and_chunks_of_the_same_reply_prove_nothing_more()
    {
        var (ledger, replies) = Tracked([Message(1, 10), Message(2, 10), Message(3, 10)]);
        ledger.Written(3);

        Prove(ledger, replies, Reply);
        Prove(ledger, replies, Reply); // a second chunk of the reply to turn 1
        Prove(ledger, replies, TurnDone);
        Prove(ledger, replies, Reply); // the reply to turn 2
        ledger.HandleReceived();

        Assert.Equal([3L], ledger.ConnectionEnded(3, null).Uncertain.Select(m => m.Sequence));
    }

    [Fact]
    public void Audio_and_messages_that_end_no_turn_are_passed_over_when_automatic_activity_detection_is_off()
    {
        var (ledger, replies) = Tracked(
            [
                new OutboundMessage(1, RealtimeInput.Pcm(new byte[320]), ActorRefs.Nobody, 10),
                new OutboundMessage(2, new ClientContent { Turns = [Content.FromText("history")], TurnComplete = false }, ActorRefs.Nobody, 10),
                new OutboundMessage(3, RealtimeInput.EndOfActivity, ActorRefs.Nobody, 10),
                Message(4, 10),
            ],
            automaticActivityDetection: false);
        ledger.Written(4);

        Prove(ledger, replies, Reply); // put down to the end of activity, the first message that may cause a reply
        ledger.HandleReceived();

        Assert.Equal(3, replies.CurrentSequence);
        Assert.Equal([4L], ledger.ConnectionEnded(4, null).Uncertain.Select(m => m.Sequence));
    }

    [Fact]
    public void With_automatic_activity_detection_audio_may_cause_a_reply_so_a_reply_proves_only_the_first_chunk()
    {
        var (ledger, replies) = Tracked([.. Enumerable.Range(1, 3).Select(i => new OutboundMessage(i, RealtimeInput.Pcm(new byte[320]), ActorRefs.Nobody, 10))]);
        ledger.Written(3);

        Prove(ledger, replies, Reply);
        Prove(ledger, replies, TurnDone);
        Prove(ledger, replies, Reply); // a second reply: the second chunk, though one run of audio is one entry
        ledger.HandleReceived();

        Assert.Null(replies.Current); // audio is not kept to be asked again
        Assert.Equal([3L], ledger.ConnectionEnded(3, null).Uncertain.Select(m => m.Sequence));
    }

    [Fact]
    public void A_reply_says_which_turn_it_answers_until_its_turn_completes()
    {
        var (_, replies) = Tracked([Message(1, 10), Message(2, 10)]);

        replies.ServerSent(Reply);
        Assert.True(replies.InProgress);
        Assert.Equal(1, replies.Current!.Sequence);
        replies.ServerSent(new ServerMessage { ServerContent = new ServerContent { Interrupted = true } });
        Assert.True(replies.InProgress); // turnComplete follows an interruption
        replies.ServerSent(TurnDone);

        Assert.False(replies.InProgress);
        Assert.Null(replies.Current);
    }

    [Theory]
    [InlineData(true, 2L)]
    [InlineData(false, 1L)]
    public void What_the_model_says_after_a_blocking_tool_call_answers_the_tool_response(bool toolCallsBlock, long proven)
    {
        var replies = new ReplyTracker(automaticActivityDetection: true, toolCallsBlock);
        replies.StartConnection();
        replies.Handed(Message(1, 10));
        replies.Handed(new OutboundMessage(2, new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "c" }] }, ActorRefs.Nobody, 10));

        Assert.Equal(1, replies.ServerSent(new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c" }] } }));
        var after = replies.ServerSent(Reply);

        Assert.Equal(toolCallsBlock ? proven : null, after);
        Assert.True(replies.InProgress);
    }

    [Theory]
    [InlineData(true, 1L)]
    [InlineData(false, 2L)]
    public void On_a_model_that_speaks_twice_what_follows_a_turn_complete_that_is_not_idle_answers_the_same_message(bool idleEndsInteraction, long answered)
    {
        var replies = new ReplyTracker(automaticActivityDetection: true) { IdleEndsInteraction = idleEndsInteraction };
        replies.StartConnection();
        replies.Handed(Message(1, 10));
        replies.ServerSent(Reply);
        replies.ServerSent(new ServerMessage { ServerContent = new ServerContent { TurnComplete = true, InteractionStatus = InteractionStatuses.InProgress } });
        replies.Handed(new OutboundMessage(2, ContextUpdate.Instruction("Answer in French."), ActorRefs.Nobody, 10));

        var proven = replies.ServerSent(Reply); // the second speech about message 1

        Assert.Equal(answered, replies.CurrentSequence);
        Assert.Equal(idleEndsInteraction ? null : 2L, proven); // with turnComplete rules, a later message would pass for proven
        replies.ServerSent(new ServerMessage { InteractionStatus = InteractionStatuses.Idle });
        Assert.Equal(!idleEndsInteraction, replies.InProgress);
    }

    [Fact]
    public void A_message_held_for_a_cut_reply_is_sent_again_whatever_the_policy()
    {
        var ledger = HandedOut(DeliveryTracking.Handle, 2);
        ledger.Written(2);

        Assert.True(ledger.ResendIfHeld(1));
        Assert.False(ledger.ResendIfHeld(9));
        var settlement = ledger.ConnectionEnded(2, null);

        Assert.Equal([2L], settlement.Uncertain.Select(m => m.Sequence));
        Assert.Equal([1L], ledger.StartConnection().Select(m => m.Sequence));
    }

    [Theory]
    [InlineData(UncertainDelivery.Report, new long[] { 1, 2 }, new long[0])]
    [InlineData(UncertainDelivery.ResendRealtimeAudio, new long[] { 2 }, new long[] { 1 })]
    [InlineData(UncertainDelivery.ResendAll, new long[0], new long[] { 1, 2 })]
    public void The_uncertain_messages_policy_says_what_is_reported_and_what_is_sent_again(UncertainDelivery policy, long[] reported, long[] resent)
    {
        var ledger = new OutboundLedger(Roomy, DeliveryTracking.Handle, policy);
        ledger.StartConnection();
        ledger.Hand(new OutboundMessage(1, RealtimeInput.Pcm(new byte[320]), ActorRefs.Nobody, 10));
        ledger.Hand(Message(2, 10));
        ledger.Hand(Message(3, 10));
        ledger.Written(2);

        var settlement = ledger.ConnectionEnded(2, null);

        Assert.Equal(reported, settlement.Uncertain.Select(m => m.Sequence));
        Assert.Equal(resent.Length, settlement.Replayed);
        Assert.Equal([.. resent, 3L], ledger.StartConnection().Select(m => m.Sequence));
    }

    [Fact]
    public void With_transparent_resumption_everything_the_server_did_not_consume_is_replayed_in_order_exactly_once()
    {
        var ledger = HandedOut(DeliveryTracking.Transparent, 5, audio: true); // audio: done once consumed, no reply awaited
        ledger.Written(4);
        ledger.Consumed(2); // positions 1 and 2 (setup is 0): sequences 1 and 2

        var settlement = ledger.ConnectionEnded(lastWritten: 4, inFlight: Message(5, 10, audio: true));
        ledger.Queue(Message(6, 10, audio: true));

        Assert.Empty(settlement.Uncertain);
        Assert.Equal(3, settlement.Replayed); // 3 and 4 were written, 5 was being written
        Assert.Equal([3L, 4L, 5L, 6L], ledger.StartConnection().Select(m => m.Sequence));
        ledger.Consumed(4);
        Assert.True(ledger.IsEmpty);
    }

    [Fact]
    public void Positions_restart_with_each_connection()
    {
        var ledger = HandedOut(DeliveryTracking.Transparent, 2, audio: true);
        ledger.ConnectionEnded(lastWritten: 2, inFlight: null);
        ledger.StartConnection();

        ledger.Consumed(1);

        Assert.Equal(1, ledger.PendingCount + ledger.UnconfirmedCount);
    }

    [Fact]
    public void A_rejected_message_is_forgotten_and_later_positions_close_up()
    {
        var ledger = HandedOut(DeliveryTracking.Transparent, 3, audio: true);

        ledger.Rejected(Message(2, 10, audio: true));
        ledger.Written(3);
        ledger.Consumed(2); // the server saw sequences 1 and 3 as positions 1 and 2

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
    public void Unconfirmed_messages_are_bounded_too_the_oldest_is_let_go_as_uncertain_never_as_delivered()
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
        Assert.Equal([1L], ledger.TakeLetGo().Select(m => m.Sequence));
        Assert.Empty(ledger.TakeLetGo());
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

    private static ServerMessage Reply { get; } = new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("chunk", Roles.Model) } };

    private static ServerMessage TurnDone { get; } = new() { ServerContent = new ServerContent { TurnComplete = true } };

    private static (OutboundLedger Ledger, ReplyTracker Replies) Tracked(OutboundMessage[] messages, bool automaticActivityDetection = true)
    {
        var ledger = new OutboundLedger(Roomy, DeliveryTracking.Handle);
        var replies = new ReplyTracker(automaticActivityDetection);
        ledger.StartConnection();
        replies.StartConnection();
        foreach (var message in messages)
        {
            ledger.Hand(message);
            replies.Handed(message);
        }

        return (ledger, replies);
    }

    private static void Prove(OutboundLedger ledger, ReplyTracker replies, ServerMessage message)
    {
        if (replies.ServerSent(message) is { } proven)
        {
            ledger.Proven(proven);
        }
    }

    private static OutboundLedger HandedOut(DeliveryTracking tracking, int count, bool audio = false)
    {
        var ledger = new OutboundLedger(Roomy, tracking);
        ledger.StartConnection();
        for (var i = 1; i <= count; i++)
        {
            ledger.Hand(Message(i, 10, audio));
        }

        return ledger;
    }

    private static OutboundMessage Message(long sequence, long size, bool audio = false) =>
        new(sequence, audio ? RealtimeInput.Pcm(new byte[320]) : ClientContent.UserText($"message {sequence}"), ActorRefs.Nobody, size);
}
