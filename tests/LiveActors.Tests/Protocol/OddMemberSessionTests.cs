using LiveActors.Emulator.Faults;
using LiveActors.Tests.Support;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Protocol;

/// <summary>Through a whole session: a frame with one odd member still gives its events, and the oddity is said once.</summary>
public sealed class OddMemberSessionTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private const string Odd = """{"serverContent":{"interrupted":"yes","turnComplete":true}}""";

    [Fact]
    public void A_turnComplete_beside_an_odd_member_is_delivered_and_the_member_is_logged_once()
    {
        Emulator.ScriptNextConnection(EmulatorFault.RawFrame(FaultTrigger.AfterSetup, Odd), EmulatorFault.RawFrame(FaultTrigger.AfterSetup, Odd));
        var logs = new RecordingLoggerFactory();
        var (_, events) = StartSession(logs: logs);

        NextEvent<TurnCompleted>(events);
        var second = NextEvent<TurnCompleted>(events);

        Assert.Equal("yes", second.Message.ServerContent!.AdditionalProperties!["interrupted"].GetString());
        Assert.Single(logs.Lines, line => line.Level == LogLevel.Warning && line.Text.Contains("'interrupted'", StringComparison.Ordinal));
        Assert.DoesNotContain(events.ReceiveWhile(TimeSpan.Zero, m => m), m => m is MalformedFrameReceived);
    }
}
