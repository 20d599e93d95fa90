using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// Hundreds of Gemini API sessions at once, fast turns, handles on a slow trip back, and drops on a third of the
/// connections: every accepted message ends exactly once, reported uncertain or in the conversation the server
/// resumed (the emulator's record), and none is released without evidence. Seeded, so a failure can be replayed.
/// </summary>
[Collection(IsolatedCollection.Name)] // hundreds of sessions: alone, so the rest of the suite is not starved
public sealed class EvidenceSoakTests : SessionTestKit
{
    private const int Sessions = 200;
    private const int TurnsPerSession = 20;
    private const int Seed = 20261201;

    private readonly ITestOutputHelper _output;
    private readonly Random _random = new(Seed);

    public EvidenceSoakTests(ITestOutputHelper output)
        : base(output) => _output = output;

    [Fact]
    public async Task Concurrent_sessions_with_drops_lose_nothing_silently()
    {
        await using var emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 2, FaultRule = RandomFault }));

        var outcomes = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(i => RunSessionAsync(emulator, i)));

        var reported = outcomes.Sum(o => o.Reported);
        _output.WriteLine($"{Sessions} sessions, {Sessions * TurnsPerSession} turns, {emulator.Connections.Count} connections, " +
            $"{reported} reported uncertain, {outcomes.Sum(o => o.Delivered)} in the resumed conversations");
        Assert.True(emulator.Connections.Count > Sessions + (Sessions / 4), $"only {emulator.Connections.Count} connections: too few drops");
    }

    private async Task<(int Reported, int Delivered)> RunSessionAsync(LiveEmulator emulator, int number)
    {
        var model = $"models/soak-{number}";
        var probe = CreateTestProbe();
        var options = Options with
        {
            Model = model,
            BaseAddress = emulator.BaseAddress,
            Retry = new RetryOptions { Attempts = 20, Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        var session = Sys.ActorOf(ConnectionSupervisor.Props(options, null, TestEnvironment.Empty, probe.Ref), $"soak-{number}");
        var reported = new Dictionary<int, SendFailed>();
        var accepted = 0;
        var history = new List<string>();
        bool Note(object message)
        {
            history.Add(message.ToString() ?? "");
            switch (message)
            {
                case SendAccepted { Correlation: > 0 }:
                    accepted++;
                    break;
                case SendFailed { Correlation: int turn } failed when turn > 0:
                    Assert.True(reported.TryAdd(turn, failed), $"{model}: {turn} reported twice");
                    break;
            }

            return message is GaveUp;
        }

        // Turns go in pairs, the next pair once an answer came (or the connection changed): each handle is held back
        // for two client messages, so it reaches the client after the next pair was written, which it does not cover.
        for (var turn = 1; turn <= TurnsPerSession; turn += 2)
        {
            session.Tell(new Send(ClientContent.UserText($"s{number}t{turn}"), Correlation: turn), probe.Ref);
            session.Tell(new Send(ClientContent.UserText($"s{number}t{turn + 1}"), Correlation: turn + 1), probe.Ref);
            await probe.FishForMessageAsync(m => Note(m) || m is Reconnected or TurnCompleted, TimeSpan.FromSeconds(60), hint: $"{model}, turns {turn} and {turn + 1}");
        }

        // Then Close once everything is written on a connection that is up: the server answers the close, so it has it all.
        await AwaitAssertAsync(async () =>
        {
            var status = await session.Ask<StatusReport>(GetStatus.Instance, Patience);
            Assert.True(status is { Status: ConnectionStatus.Connected, PendingMessages: 0 }, $"{model}: {status}");
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(20));
        session.Tell(Close.Instance, probe.Ref);
        await probe.FishForMessageAsync(m => Note(m) || m is Closed, TimeSpan.FromSeconds(60), hint: $"{model}, Closed");

        Assert.Equal(TurnsPerSession, accepted);
        // Closed before its first setup went out, a session has no conversation at all.
        var last = emulator.Connections.LastOrDefault(c => c.Messages.Count > 0 && c.Messages[0].Json.Contains($"\"{model}\"", StringComparison.Ordinal));
        if (last is not null)
        {
            await last.Ended.WaitAsync(Patience);
        }

        var conversation = SessionLog.Describe(last?.SessionMessages ?? []);
        try
        {
            EvidenceTests.AssertEveryMessageEndsOnce(
                Enumerable.Range(1, TurnsPerSession).Select(t => (t, $"text:s{number}t{t}")), reported, conversation);
        }
        catch
        {
            // What the session and the server saw, to replay the failure by reading.
            _output.WriteLine($"{model}, what the session's subscriber saw:{Environment.NewLine}{string.Join(Environment.NewLine, history)}");
            foreach (var c in emulator.Connections.Where(c => c.Messages.Count > 0 && c.Messages[0].Json.Contains($"\"{model}\"", StringComparison.Ordinal)))
            {
                _output.WriteLine($"connection {c.Number}: received {string.Join(", ", SessionLog.Describe(c.Messages.Skip(1)))}; " +
                    $"its conversation {string.Join(", ", SessionLog.Describe(c.SessionMessages))}; ended {c.Ended.Result}");
            }

            throw;
        }
        return (reported.Count, conversation.Count);
    }

    private IReadOnlyList<EmulatorFault> RandomFault(int connection)
    {
        lock (_random)
        {
            var hold = EmulatorFault.HoldResumptionUpdates(2); // every handle on a slow trip back
            return _random.Next(3) == 0 ? [hold, EmulatorFault.Drop(FaultTrigger.AfterClientMessages(_random.Next(3, 12)))] : [hold];
        }
    }
}
