using System.Diagnostics;
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
        var (faults, connections, received) = await RunAllAsync();
        var elapsed = clock.Elapsed;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        _output.WriteLine($"{Sessions} sessions, {faults} faults ({(double)faults / Sessions:0.0} per session), " +
            $"{connections.Sum()} connections that reached setupComplete, {received} client messages received, in {elapsed.TotalSeconds:0.0} s; " +
            $"heap {heapBefore / 1024} KiB before, {heapAfter / 1024} KiB after");
        Assert.True(faults >= Sessions * FaultsPerSession, $"only {faults} faults were injected");
        Assert.InRange(heapAfter - heapBefore, long.MinValue, 16L * 1024 * 1024);
    }

    /// <summary>
    /// Runs every session against an emulator of its own and returns only figures: nothing the emulator recorded for
    /// the checks stays reachable from the test once this returns, so the heap measured after is the library's.
    /// </summary>
    private async Task<(int Faults, int[] Connections, long Received)> RunAllAsync()
    {
        await using var emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 2, FaultRule = RandomFault }));
        using var gate = new SemaphoreSlim(Parallelism);
        var connections = await Task.WhenAll(Enumerable.Range(0, Sessions).Select(async i =>
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
        return (emulator.Connections.Count - Sessions, connections, emulator.Stats.MessagesReceived);
    }

    /// <summary>Sends a conversation through whatever faults come, waits until the server has consumed it all, closes.</summary>
    private async Task<int> RunSessionAsync(LiveEmulator emulator, int number)
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
        for (var m = 0; m < MaxMessagesPerSession; m++)
        {
            var isText = m % 4 == 3;
            await session.Ask<SendAccepted>(new Send(isText ? ClientContent.UserText($"t{m}") : RealtimeInput.Pcm(Chunk)), Patience);
            sent.Add(isText ? $"text:t{m}" : "audio");
            if (!isText)
            {
                continue;
            }

            // Like a conversation, wait for the answer (its handle confirms what was sent) unless a fault cuts it off.
            await events.FishForMessageAsync(e => e is SessionResumptionUpdated { Update.LastConsumedClientMessageIndex: not null } or Reconnected, Patience);
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
        await session.Ask<Closed>(Close.Instance, Patience);
        Assert.True(await session.GracefulStop(Patience));

        var last = emulator.Connections.Last(c => c.Messages.Count > 0 && c.Messages[0].Json.Contains($"projects/{project}/", StringComparison.Ordinal));
        Assert.Equal(sent, SessionLog.Describe(last.SessionMessages));
        return status!.Connections;
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
}
