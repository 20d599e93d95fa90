using System.Diagnostics;
using System.Text;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Tests.Support;
using LiveActors.Transport;
using Xunit.Abstractions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// Many sessions through many random faults at once, seeded so a failure can be replayed: nothing is lost or sent twice,
/// and afterwards no socket, actor or emulator connection is left and the heap is back near where it started.
/// </summary>
[Collection(IsolatedCollection.Name)] // it measures the heap, which other tests running at the same time would blur
public sealed class SoakTests : SessionTestKit
{
    private const int Sessions = 100;
    private const int FaultsPerSession = 20;
    private const int MaxMessagesPerSession = 1000;
    private const int Seed = 20261125;
    private const int Parallelism = 16;

    private static readonly byte[] Chunk = new byte[320];
    private readonly ITestOutputHelper _output;
    private readonly Random _random = new(Seed);

    public SoakTests(ITestOutputHelper output)
        : base(output) => _output = output;

    [Fact]
    public async Task Sessions_through_random_faults_lose_nothing_and_leave_nothing_behind()
    {
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var (faults, outcomes, received) = await RunAllAsync();
        var elapsed = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        var (uncertain, turns, delivered, answered) =
            (outcomes.Sum(o => o.Uncertain), outcomes.Sum(o => o.UncertainTurns), outcomes.Sum(o => o.UncertainDelivered), outcomes.Sum(o => o.UncertainAnswered));
        _output.WriteLine($"{Sessions} sessions, {faults} faults ({(double)faults / Sessions:0.0} per session), " +
            $"{outcomes.Sum(o => o.Connections)} connections that reached setupComplete, {received} client messages received, in {elapsed.TotalSeconds:0.0} s; " +
            $"heap {heapBefore / 1024} KiB before, {heapAfter / 1024} KiB after");
        _output.WriteLine($"{outcomes.Sum(o => o.Turns)} turns sent; {uncertain} messages reported uncertain, {turns} of them turns: " +
            $"{delivered} of those in the server's conversation ({Share(delivered, turns)}), {answered} answered as the client saw ({Share(answered, turns)})");
        Assert.True(faults >= Sessions * FaultsPerSession, $"only {faults} faults were injected");
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 16L * 1024 * 1024);
    }

    /// <summary>
    /// Runs every session against an emulator of its own and returns only figures: nothing the emulator recorded for
    /// the checks stays reachable from the test once this returns, so the heap measured after is the library's.
    /// </summary>
    private static string Share(int part, int whole) => whole == 0 ? "n/a" : $"{100.0 * part / whole:0.0}%";

    private async Task<(int Faults, SessionOutcome[] Outcomes, long Received)> RunAllAsync()
    {
        await using var emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 2, FaultRule = RandomFault }));
        using var gate = new SemaphoreSlim(Parallelism);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await RunSessionAsync(emulator, i);
            }
            finally
            {
                gate.Release();
            }
        }));

        await AwaitAssertAsync(() => Assert.Equal(0, LiveSocket.OpenCount), Patience);
        await AwaitAssertAsync(() => Assert.All(emulator.Connections, c => Assert.True(c.Ended.IsCompleted)), Patience);
        return (emulator.Connections.Count - Sessions, outcomes, emulator.Stats.MessagesReceived);
    }

    /// <summary>
    /// Sends a conversation through whatever faults come, waits until the server has consumed it all, closes; every
    /// message is in the server's conversation exactly once, and what was reported uncertain is counted: how much of it the
    /// server had, and how much of it the client saw answered (each reply says which turn it answers).
    /// </summary>
    private async Task<SessionOutcome> RunSessionAsync(LiveEmulator emulator, int number)
    {
        var project = $"soak-{number}";
        var options = Options with
        {
            AuthStrategy = AuthStrategy.VertexAi,
            ApiKey = null,
            ProjectId = project,
            Location = "us-central1",
            BaseAddress = emulator.BaseAddress,
            Credential = VertexCredentials.FromAccessToken(emulator.Options.BearerToken),
            SessionResumption = new SessionResumptionOptions { Enabled = true, Transparent = true },
            Retry = new RetryOptions { Attempts = 50, Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
        };
        var events = CreateTestProbe();
        // Thousands of faults: their warnings would go to the test log (no factory means Akka's log) and only slow the run.
        var session = Sys.ActorOf(ConnectionSupervisor.Props(options, Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TestEnvironment.Empty, events.Ref), project);
        var sent = new List<string>();
        var bySequence = new Dictionary<long, string>();
        var reported = new HashSet<long>();
        var replies = new StringBuilder();
        bool Note(object message)
        {
            switch (message)
            {
                case SendFailed failed:
                    Assert.True(reported.Add(failed.Sequence), $"{project}: {failed.Sequence} reported twice");
                    Assert.IsType<DeliveryUncertain>(failed.Error);
                    break;
                case ModelTurnReceived { Text: { } text }:
                    replies.Append(text);
                    break;
            }

            return false;
        }

        for (var m = 0; m < MaxMessagesPerSession; m++)
        {
            var isText = m % 4 == 3;
            var accepted = await session.Ask<SendAccepted>(new Send(isText ? ClientContent.UserText($"t{m}") : RealtimeInput.Pcm(Chunk)), Patience);
            sent.Add(isText ? $"text:t{m}" : "audio");
            bySequence[accepted.Sequence] = sent[^1];
            if (!isText)
            {
                continue;
            }

            // Like a conversation, wait for the turn's answer, or to hear that a fault cut it off (a reply cut short, which
            // may be put down to the audio before the turn, or the turn reported): every turn ends one of these ways.
            var turn = accepted.Sequence;
            var answer = $"you said \"t{m}\"";
            await events.FishForMessageAsync(
                e => Note(e) || e is SendFailed { Sequence: var failed } && failed == turn || e is ReplyCut
                    || (e is ModelTurnReceived && replies.ToString().Contains(answer, StringComparison.Ordinal)),
                Patience,
                hint: $"{project}: t{m}, its answer or its report");
            if ((await session.Ask<StatusReport>(GetStatus.Instance, Patience)).Connections > FaultsPerSession)
            {
                break; // this session's connections have ended through enough faults (refused upgrades come on top)
            }
        }

        StatusReport? status = null;
        await AwaitAssertAsync(async () =>
        {
            status = await session.Ask<StatusReport>(GetStatus.Instance, Patience);
            Assert.True(status is { Status: ConnectionStatus.Connected, PendingMessages: 0, UnconfirmedMessages: 0 }, $"{project}: {status}");
        }, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(20));
        session.Tell(Close.Instance, events.Ref);
        await events.FishForMessageAsync(e => Note(e) || e is Closed, Patience);
        Assert.True(await session.GracefulStop(Patience));

        var last = emulator.Connections.Last(c => c.Messages.Count > 0 && c.Messages[0].Json.Contains($"projects/{project}/", StringComparison.Ordinal));
        var conversation = SessionLog.Describe(last.SessionMessages);
        Assert.Equal(sent, conversation);
        // A turn is told apart by its text (audio chunks are not, so only turns are measured); a reply names the turn it answers.
        var turns = reported.Select(s => bySequence.GetValueOrDefault(s, "")).Where(t => t.StartsWith("text:", StringComparison.Ordinal)).ToList();
        var answers = replies.ToString();
        return new SessionOutcome(
            status!.Connections,
            sent.Count(s => s.StartsWith("text:", StringComparison.Ordinal)),
            reported.Count,
            turns.Count,
            turns.Count(conversation.Contains),
            turns.Count(t => answers.Contains($"you said \"{t[5..]}\"", StringComparison.Ordinal)));
    }

    private IReadOnlyList<EmulatorFault> RandomFault(int connection)
    {
        lock (_random)
        {
            var roll = _random.Next(100);
            var after = FaultTrigger.AfterClientMessages(_random.Next(8, 40));
            return roll switch // every connection fails one way or another
            {
                < 35 => [EmulatorFault.Drop(after)],
                < 55 => [EmulatorFault.Close(after, 1011, "Internal error encountered.")],
                < 70 => [EmulatorFault.GoAway(after, TimeSpan.FromMilliseconds(200))],
                < 85 => [EmulatorFault.RejectUpgrade(503)],
                _ => [EmulatorFault.Close(FaultTrigger.AfterServerMessages(_random.Next(4, 20)), 1011, "Internal error encountered.")],
            };
        }
    }

    /// <summary>One session's figures: connections, turns sent, messages reported uncertain, and how many of those the server had and the client saw answered.</summary>
    private sealed record SessionOutcome(int Connections, int Turns, int Uncertain, int UncertainTurns, int UncertainDelivered, int UncertainAnswered);
}
