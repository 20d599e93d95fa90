using Akka.Actor;
using LiveActors.Emulator.Faults;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// A bare interrupted after a turnComplete (the service sends one when the user's audio overlaps the end of a reply)
/// belongs to no turn (docs/live-api.md 5.3): it is reported, and the next turn still gets its reply, which is the
/// evidence that confirms it.
/// </summary>
public sealed class StrayFrameTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task A_stray_interrupted_after_turn_complete_leaves_the_next_turn_its_reply_and_its_confirmation()
    {
        // The server drops the connection as the third turn arrives: only what the server has not shown it has is uncertain.
        Emulator.ScriptNextConnection(EmulatorFault.StrayInterrupted(afterTurn: 1), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(3)));
        var logs = new RecordingLoggerFactory();
        var (session, events) = StartSession(logs: logs);
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("t1"), Correlation: 1));
        NextEvent<TurnCompleted>(events);
        NextEvent<Interrupted>(events); // the stray, after turn 1 is over
        NextEvent<SessionResumptionUpdated>(events);

        session.Tell(new Send(ClientContent.UserText("t2"), Correlation: 2));
        var second = EventsUntil<TurnCompleted>(events);
        NextEvent<SessionResumptionUpdated>(events); // issued after turn 2's reply: it holds turn 2
        session.Tell(new Send(ClientContent.UserText("t3"), Correlation: 3));
        var reported = EventsUntil<Reconnected>(events).OfType<SendFailed>().ToList();
        await session.Ask<Closed>(Close.Instance, Patience);

        Assert.Contains("you said \"t2\"", string.Concat(second.OfType<ModelTurnReceived>().Select(t => t.Text)), StringComparison.Ordinal);
        var uncertain = Assert.Single(reported); // turn 2 was answered and confirmed: only turn 3 is in doubt
        Assert.Equal(3, uncertain.Correlation);
        Assert.IsType<DeliveryUncertain>(uncertain.Error);
        Assert.Equal(["text:t1", "text:t2"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
        Assert.Single(logs.Lines, line => line.Id.Id == 1023 && line.Level == LogLevel.Debug && line.Text.Contains("interrupted", StringComparison.Ordinal));
    }
}
