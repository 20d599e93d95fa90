using System.Text.Json;
using Akka.Actor;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// A toolResponse that reached the wire before a drop may be in the server's state, whatever its scheduling (a SILENT
/// one causes no reply, so nothing ever proves it): its sender hears DeliveryUncertain, never the definite
/// ToolCallLost that invites a second answer, and it never goes again on the next connection.
/// </summary>
public sealed class ToolResponseAcrossDropTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private static readonly JsonElement Sunny = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement;

    [Theory]
    [InlineData(FunctionResponseScheduling.Silent, LostToolResults.Refuse)]
    [InlineData(FunctionResponseScheduling.WhenIdle, LostToolResults.Refuse)]
    [InlineData(FunctionResponseScheduling.Interrupt, LostToolResults.Refuse)]
    [InlineData(FunctionResponseScheduling.Silent, LostToolResults.AsText)]
    public async Task A_response_the_server_received_before_a_drop_is_reported_uncertain_never_lost(string scheduling, LostToolResults lostResults)
    {
        // The server has the response (it is recorded) and drops the connection before it acts on it.
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var (session, events) = StartSession(Options with { SessionResumption = new SessionResumptionOptions { LostToolResults = lostResults } });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}")));
        var call = Assert.Single(NextEvent<ToolCallReceived>(events).Call.FunctionCalls!);

        session.Tell(new Send(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = call.Id, Name = call.Name, Response = Sunny, Scheduling = scheduling }] }, Correlation: "answer"));
        var seen = EventsUntil<Reconnected>(events);
        await session.Ask<Closed>(Close.Instance, Patience);

        var failed = Assert.Single(seen.OfType<SendFailed>(), f => f.Correlation is "answer"); // the turn that asked is in doubt too
        Assert.IsType<DeliveryUncertain>(failed.Error);
        Assert.Contains("toolResponse", (await Emulator.WaitForConnectionAsync(1)).Messages.Select(m => m.Kind));
        var second = (await Emulator.WaitForConnectionAsync(2)).Messages.Select(m => m.Kind).ToList();
        Assert.DoesNotContain("toolResponse", second);
        Assert.DoesNotContain("clientContent", second); // not sent again as text either: it may be in the state already
    }
}
