using Akka.Actor;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Tests.Supervision.Delivery.DeliveryFixtures;

namespace LiveActors.Tests.Supervision.Delivery;

/// <summary>The delivery rules of a session, without an actor: what evidence confirms, and what a drop leaves.</summary>
public sealed class DeliveryDeskTests
{
    private static ServerMessage ReplyChunk => new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } };

    [Fact]
    public void With_handles_a_reply_proves_its_turn_but_only_a_handle_after_it_confirms_it()
    {
        var desk = Desk(Handles);
        desk.StartConnection(handshakeMessages: 1);
        var turn = Hand(desk, ClientContent.UserText("hello"));
        desk.Written(turn.Sequence);

        desk.ServerSent(ReplyChunk);
        Assert.Equal(1, desk.UnconfirmedCount);
        desk.HandleReceived(consumed: null);

        Assert.Equal(0, desk.UnconfirmedCount);
        Assert.True(desk.IsEmpty);
    }

    [Fact]
    public void After_a_drop_a_written_unproven_message_is_uncertain_and_an_unwritten_one_goes_again_without_counting_as_a_replay()
    {
        var desk = Desk(Handles);
        desk.StartConnection(handshakeMessages: 1);
        var written = Hand(desk, ClientContent.UserText("one"));
        var unwritten = Hand(desk, ClientContent.UserText("two"));
        desk.Written(written.Sequence);
        desk.HandleReceived(consumed: null); // no reply yet: the handle proves nothing

        var failures = desk.Settle(written.Sequence, inFlight: null, Dropped, Calls(LostToolResults.Refuse));

        var failure = Assert.Single(failures);
        Assert.Equal(written.Sequence, failure.Message.Sequence);
        Assert.Equal(new DeliveryUncertain(Dropped), failure.Error);
        Assert.Equal([unwritten.Sequence], desk.StartConnection(handshakeMessages: 1).Select(m => m.Sequence));
        Assert.Equal(0, desk.TakeReplayed());
    }

    [Fact]
    public void With_transparent_resumption_what_the_server_did_not_consume_goes_again_and_nothing_is_uncertain()
    {
        var desk = Desk(Handles with { Transparent = true });
        desk.StartConnection(handshakeMessages: 1);
        Hand(desk, RealtimeInput.Pcm(new byte[320])); // audio: done once consumed (a turn waits for its reply)
        var notConsumed = Hand(desk, ClientContent.UserText("two"));
        desk.Written(notConsumed.Sequence);
        desk.HandleReceived(consumed: 1); // position 1: the first message after setup

        var failures = desk.Settle(notConsumed.Sequence, inFlight: null, Dropped, Calls(LostToolResults.Refuse));

        Assert.Empty(failures);
        Assert.Equal([notConsumed.Sequence], desk.StartConnection(handshakeMessages: 1).Select(m => m.Sequence));
        Assert.Equal(1, desk.TakeReplayed());
    }

    [Fact]
    public void A_cut_reply_names_its_turn_and_with_ask_again_that_turn_goes_first_on_the_next_connection_once()
    {
        var desk = Desk(Handles with { AskAgainAfterCutReply = true });
        desk.StartConnection(handshakeMessages: 1);
        var turn = Hand(desk, ClientContent.UserText("question"), correlation: "q1");
        desk.Written(turn.Sequence);
        desk.ServerSent(ReplyChunk);

        Assert.Equal(new CutReply(turn.Sequence, "q1", AskedAgain: true), desk.CutReply(askAgain: true));
        Assert.Empty(desk.Settle(turn.Sequence, inFlight: null, Dropped, Calls(LostToolResults.Refuse)));
        var again = Assert.Single(desk.StartConnection(handshakeMessages: 1));
        Assert.Equal(turn.Sequence, again.Sequence);

        desk.Handed(again);
        desk.Written(again.Sequence);
        desk.ServerSent(ReplyChunk);
        Assert.False(desk.CutReply(askAgain: true)!.AskedAgain);
    }

    [Fact]
    public void Nothing_is_cut_when_no_reply_streams_and_a_tool_response_is_never_asked_again()
    {
        var desk = Desk(Handles with { AskAgainAfterCutReply = true });
        desk.StartConnection(handshakeMessages: 1);
        Assert.Null(desk.CutReply(askAgain: true));

        var answer = Hand(desk, new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "c1" }] });
        desk.Written(answer.Sequence);
        desk.ServerSent(ReplyChunk);

        Assert.Equal(new CutReply(answer.Sequence, null, AskedAgain: false), desk.CutReply(askAgain: true));
    }

    [Fact]
    public void An_answer_to_a_call_lost_with_the_connection_goes_again_as_text_or_is_reported_lost()
    {
        foreach (var lostResults in new[] { LostToolResults.AsText, LostToolResults.Refuse })
        {
            var desk = Desk(Handles with { LostToolResults = lostResults });
            var calls = Calls(lostResults);
            desk.StartConnection(handshakeMessages: 1);
            calls.ServerSent(new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c1", Name = "lookup" }] } });
            var answer = Hand(desk, calls.Admit(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "c1" }] }, out _)!);
            calls.ConnectionEnded();

            var failures = desk.Settle(lastWritten: 0, inFlight: null, Dropped, calls);

            if (lostResults == LostToolResults.AsText)
            {
                Assert.Empty(failures);
                var text = Assert.Single(desk.StartConnection(handshakeMessages: 1));
                Assert.Equal(answer.Sequence, text.Sequence);
                Assert.IsNotType<ToolResponse>(text.Message);
            }
            else
            {
                var failure = Assert.Single(failures);
                Assert.Equal(["c1"], Assert.IsType<ToolCallLost>(failure.Error).CallIds);
                Assert.Empty(desk.StartConnection(handshakeMessages: 1));
            }
        }
    }

    [Fact]
    public void What_a_stopped_process_left_unconfirmed_goes_again_by_the_uncertain_messages_rule_only_when_resumable()
    {
        HeldMessage[] held = [new(6, RealtimeInput.Pcm(new byte[320]), null), new(7, ClientContent.UserText("turn"), "t")];
        var recovered = new RecoveredSession("handle", LastSequence: 7, held, HandleTooOld: false);

        var resumable = Desk(Handles with { UncertainMessages = UncertainDelivery.ResendRealtimeAudio }, recovered);
        var reported = Assert.Single(resumable.Recover(held, resumable: true));
        Assert.Equal(7, reported.Message.Sequence);
        Assert.IsType<DeliveryUncertain>(reported.Error);
        Assert.Equal([6L], resumable.StartConnection(handshakeMessages: 1).Select(m => m.Sequence));
        Assert.Equal(8, resumable.Accept(ClientContent.UserText("next"), ActorRefs.Nobody, 10, null).Sequence);

        var fresh = Desk(Handles with { UncertainMessages = UncertainDelivery.ResendRealtimeAudio }, recovered);
        Assert.Equal([6L, 7L], fresh.Recover(held, resumable: false).Select(f => f.Message.Sequence));
    }

    private static DeliveryDesk Desk(SessionResumptionOptions resumption, RecoveredSession? recovered = null) =>
        new(new LiveConnectionOptions { Model = "gemini-2.5-flash", ApiKey = "test-key", SessionResumption = resumption }, idleEndsInteraction: false, recovered);

    private static ToolCallPlanner Calls(LostToolResults lostResults) =>
        new(new ModelRules(new LiveConnectionOptions { Model = "gemini-2.5-flash" }), lostResults);

    /// <summary>Accepts a message and hands it to the current connection, as the session does with a connected Send.</summary>
    private static OutboundMessage Hand(DeliveryDesk desk, ClientMessage message, object? correlation = null)
    {
        var accepted = desk.Accept(message, ActorRefs.Nobody, ClientMessageSize.Of(message), correlation);
        desk.PutOnConnection(accepted);
        desk.Handed(accepted);
        return accepted;
    }
}
