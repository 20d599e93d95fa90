using Akka.Actor;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Tests.Supervision.Delivery.DeliveryFixtures;

namespace LiveActors.Tests.Supervision.Delivery;

/// <summary>
/// What a drop leaves of a toolResponse to a call the connection took (the resumed session will not know the call):
/// a response that never left is known to be missing, so it fails (or goes as text); one that was written, or was being
/// written, may be in the server's state, so it is uncertain, never a definite failure, whatever its scheduling.
/// </summary>
public sealed class ToolResponseSettlementTests
{
    public static TheoryData<string, LostToolResults> Schedulings => new()
    {
        { FunctionResponseScheduling.Silent, LostToolResults.Refuse },
        { FunctionResponseScheduling.WhenIdle, LostToolResults.Refuse },
        { FunctionResponseScheduling.Interrupt, LostToolResults.Refuse },
        { FunctionResponseScheduling.Silent, LostToolResults.AsText },
        { FunctionResponseScheduling.WhenIdle, LostToolResults.AsText },
        { FunctionResponseScheduling.Interrupt, LostToolResults.AsText },
    };

    [Theory]
    [MemberData(nameof(Schedulings))]
    public void A_response_written_before_the_drop_is_uncertain_and_goes_nowhere(string scheduling, LostToolResults lostResults)
    {
        var (desk, calls) = Called(lostResults);
        var answer = Answer(desk, calls, scheduling);
        desk.Written(answer.Sequence);
        calls.ConnectionEnded();

        var failure = Assert.Single(desk.Settle(lastWritten: answer.Sequence, inFlight: null, Dropped, calls));

        Assert.Equal(answer.Sequence, failure.Message.Sequence);
        Assert.Equal(Dropped, Assert.IsType<DeliveryUncertain>(failure.Error).Cause);
        Assert.Empty(desk.StartConnection(handshakeMessages: 1)); // neither as a toolResponse nor as text: it may be there already
    }

    [Theory]
    [MemberData(nameof(Schedulings))]
    public void A_response_being_written_when_the_connection_ended_is_uncertain(string scheduling, LostToolResults lostResults)
    {
        var (desk, calls) = Called(lostResults);
        var answer = Answer(desk, calls, scheduling);
        calls.ConnectionEnded();

        var failure = Assert.Single(desk.Settle(lastWritten: answer.Sequence - 1, inFlight: answer, Dropped, calls));

        Assert.IsType<DeliveryUncertain>(failure.Error);
    }

    [Theory]
    [MemberData(nameof(Schedulings))]
    public void A_response_that_never_left_is_known_missing_so_it_goes_as_text_or_fails_as_lost(string scheduling, LostToolResults lostResults)
    {
        var (desk, calls) = Called(lostResults);
        var answer = Answer(desk, calls, scheduling); // handed to the socket, still in its queue when the connection ended
        calls.ConnectionEnded();

        var failures = desk.Settle(lastWritten: answer.Sequence - 1, inFlight: null, Dropped, calls);

        if (lostResults == LostToolResults.AsText)
        {
            Assert.Empty(failures);
            Assert.IsNotType<ToolResponse>(Assert.Single(desk.StartConnection(handshakeMessages: 1)).Message);
        }
        else
        {
            Assert.Equal(["c1"], Assert.IsType<ToolCallLost>(Assert.Single(failures).Error).CallIds);
        }
    }

    [Theory]
    [MemberData(nameof(Schedulings))]
    public void A_response_a_later_reply_proved_before_the_writer_said_so_is_not_taken_for_unwritten(string scheduling, LostToolResults lostResults)
    {
        var (desk, calls) = Called(lostResults);
        var answer = Answer(desk, calls, scheduling);
        var turn = Hand(desk, ClientContent.UserText("and now?"));
        desk.ServerSent(new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } });
        calls.ConnectionEnded();

        var failures = desk.Settle(lastWritten: answer.Sequence - 1, inFlight: null, Dropped, calls); // the writer's word lags

        Assert.Contains(failures, f => f.Message.Sequence == answer.Sequence && f.Error is DeliveryUncertain);
        Assert.DoesNotContain(failures, f => f.Error is ToolCallLost);
        Assert.True(turn.Sequence > answer.Sequence);
    }

    private static (DeliveryDesk Desk, ToolCallPlanner Calls) Called(LostToolResults lostResults)
    {
        var options = new LiveConnectionOptions { Model = "gemini-2.5-flash", ApiKey = "test-key", SessionResumption = Handles with { LostToolResults = lostResults } };
        var desk = new DeliveryDesk(options, idleEndsInteraction: false);
        var calls = new ToolCallPlanner(new ModelRules(options), lostResults);
        desk.StartConnection(handshakeMessages: 1);
        calls.ServerSent(new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c1", Name = "lookup" }] } });
        return (desk, calls);
    }

    private static OutboundMessage Answer(DeliveryDesk desk, ToolCallPlanner calls, string scheduling) =>
        Hand(desk, calls.Admit(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "c1", Name = "lookup", Scheduling = scheduling }] }, out _)!);

    private static OutboundMessage Hand(DeliveryDesk desk, ClientMessage message)
    {
        var accepted = desk.Accept(message, ActorRefs.Nobody, ClientMessageSize.Of(message), null);
        desk.PutOnConnection(accepted);
        desk.Handed(accepted);
        return accepted;
    }
}
