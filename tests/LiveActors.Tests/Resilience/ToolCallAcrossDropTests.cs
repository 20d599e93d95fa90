using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// Tool calls across a drop and across goAway (docs/live-api.md 5.3): the resumed session does not know a call that was
/// pending, so it is reported cancelled and its response never goes as a toolResponse.
/// </summary>
public sealed class ToolCallAcrossDropTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private static readonly JsonElement Sunny = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement;

    [Fact]
    public async Task A_call_pending_at_a_drop_is_reported_cancelled_and_its_response_is_refused_not_sent()
    {
        var (session, events, call) = CallThenDrop(Options);

        var cancelled = NextEvent<ToolCallCancelled>(events);
        NextEvent<Reconnected>(events);
        session.Tell(new Send(Answer(call)));

        var refused = (Status.Failure)FishForMessage(m => m is Status.Failure);
        Assert.True(cancelled.ByConnection);
        Assert.Equal([call.Id!], cancelled.Cancellation.Ids!);
        Assert.Equal([call.Id!], Assert.IsType<ToolCallLost>(((LiveConnectionException)refused.Cause).Error).CallIds);
        session.Tell(new Send(ClientContent.UserText("after")));
        NextEvent<TurnCompleted>(events);
        Assert.DoesNotContain("toolResponse", (await Emulator.WaitForConnectionAsync(2)).Messages.Select(m => m.Kind));
    }

    [Fact]
    public async Task With_lost_tool_results_as_text_the_result_reaches_the_model_as_a_user_turn()
    {
        var options = Options with { SessionResumption = new SessionResumptionOptions { LostToolResults = LostToolResults.AsText } };
        var (session, events, call) = CallThenDrop(options);
        NextEvent<Reconnected>(events);

        session.Tell(new Send(Answer(call), Correlation: "result"));

        FishForMessage(m => m is SendAccepted { Correlation: "result" });
        var reply = string.Concat(EventsUntil<TurnCompleted>(events).OfType<ModelTurnReceived>().Select(t => t.Text));
        Assert.Contains("""The result of get_weather, called before the connection was lost: {"sky":"sunny"}""", reply, StringComparison.Ordinal);
        var second = await Emulator.WaitForConnectionAsync(2);
        Assert.DoesNotContain("toolResponse", second.Messages.Select(m => m.Kind));
    }

    [Fact]
    public async Task A_response_written_to_a_server_that_stopped_reading_is_reported_uncertain_and_not_sent_on_the_next_one()
    {
        // The server stops reading at the poke; the answer sent after it is written to the socket (the server may read it
        // yet, as far as the client can know), then the connection drops.
        Emulator.ScriptNextConnection(EmulatorFault.StopReading(FaultTrigger.AfterClientMessages(2)), EmulatorFault.Drop(FaultTrigger.AfterServerMessages(99)));
        var (session, events) = StartSession(Options with { KeepAliveTimeout = TimeSpan.FromMilliseconds(300), KeepAliveInterval = TimeSpan.FromMilliseconds(100) });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}")));
        var call = Assert.Single(NextEvent<ToolCallReceived>(events).Call.FunctionCalls!);
        session.Tell(Poke.Send);
        session.Tell(new Send(Answer(call), Correlation: "answer"));

        var failed = NextEvent<SendFailed>(events, f => f.Correlation is "answer");
        NextEvent<Reconnected>(events);

        Assert.IsType<DeliveryUncertain>(failed.Error); // never ToolCallLost: that invites a second answer to a call it may have answered
        Assert.DoesNotContain("toolResponse", (await Emulator.WaitForConnectionAsync(2)).Messages.Select(m => m.Kind));
    }

    [Fact]
    public async Task A_goAway_handover_waits_for_the_pending_calls_answer_and_the_handle_after_it()
    {
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterServerMessages(3), TimeSpan.FromSeconds(10)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}")));
        var call = Assert.Single(NextEvent<ToolCallReceived>(events).Call.FunctionCalls!);
        NextEvent<GoAwayReceived>(events);

        session.Tell(new Send(Answer(call)));
        var seen = EventsUntil<Reconnected>(events);

        Assert.DoesNotContain(seen, e => e is ToolCallCancelled or SendFailed or ReplyCut);
        Assert.Contains("get_weather returned {\"sky\":\"sunny\"}", string.Concat(seen.OfType<ModelTurnReceived>().Select(t => t.Text)), StringComparison.Ordinal);
        Assert.Contains("toolResponse", (await Emulator.WaitForConnectionAsync(1)).Messages.Select(m => m.Kind));
        Assert.Contains("toolResponse", (await Emulator.WaitForConnectionAsync(2)).SessionMessages.Select(m => m.Kind)); // in the resumed state
    }

    /// <summary>Asks for a tool; once the call has arrived, the server drops the connection (at a poke) before it is answered.</summary>
    private (IActorRef Session, TestProbe Events, FunctionCall Call) CallThenDrop(LiveConnectionOptions options)
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}")));
        var call = Assert.Single(NextEvent<ToolCallReceived>(events).Call.FunctionCalls!);
        session.Tell(Poke.Send);
        return (session, events, call);
    }

    private static ToolResponse Answer(FunctionCall call) =>
        new() { FunctionResponses = [new FunctionResponse { Id = call.Id, Name = call.Name, Response = Sunny }] };
}
