using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveActors.Cluster;
using LiveActors.CrashHost;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using AkkaCluster = Akka.Cluster.Cluster;

namespace LiveActors.Tests.Cluster;

/// <summary>
/// Store before acknowledging, in the sharded region, proven by crashes: separate node processes (LiveActors.CrashHost
/// --cluster) hold the sessions on one SQLite journal against this test's emulator; this test is a cluster member too
/// (the seed, holding no sessions), sends turns on every session at once through a sharding proxy and listens to each.
/// It SIGKILLs a node that holds sessions while they talk; Akka's split-brain resolver downs it, the shards move to the
/// survivor (remember-entities restarts its sessions at once), a new node joins, and the turns go on. In the end every
/// acknowledged turn is answered, cut, failed with a typed error or reported uncertain; none is lost, none answered or
/// held twice, no sequence handed out twice; and the emulator's records prove each "delivered" and each "failed".
/// </summary>
public sealed class ShardedCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan TurnPatience = TimeSpan.FromSeconds(3);
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private static readonly string[] Ids = [.. Enumerable.Range(1, 6).Select(i => $"s{i}")];

    private readonly string _file = Path.Combine(Path.GetTempPath(), $"live-sharded-crash-{Guid.NewGuid():N}.db");
    private readonly List<NodeProcess> _nodes = [];
    private LiveEmulator _emulator = null!;
    private ActorSystem _system = null!;

    /// <summary>How many kills: 1 in CI (a kill costs about 20s); LIVEACTORS_SHARDED_KILLS sets more for a local run.</summary>
    private static int Kills => int.TryParse(Environment.GetEnvironmentVariable("LIVEACTORS_SHARDED_KILLS"), out var kills) && kills > 0 ? kills : 1;

    public async Task InitializeAsync()
    {
        // The journal holds resumption handles: the owner's alone (SQLite gives its journal files beside it the same mode).
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            create.UnixCreateMode = OwnerOnly;
        }

        using (new FileStream(_file, create))
        {
        }

        // Each reply a little late, so that turns are acknowledged and unanswered when a node dies.
        _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 1, FaultRule = _ => [EmulatorFault.Delay(TimeSpan.FromMilliseconds(200))] }));
        _system = ActorSystem.Create(ClusterNode.SystemName, ClusterNode.Config(seed: null));
        AkkaCluster.Get(_system).Join(AkkaCluster.Get(_system).SelfAddress);
    }

    public async Task DisposeAsync()
    {
        await _system.Terminate().WaitAsync(Patience); // first: no resolver of its own to down the nodes it stops next
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }

        await _emulator.DisposeAsync();
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Every_acknowledged_turn_survives_SIGKILLed_nodes_answered_failed_or_uncertain_never_lost_duplicated_or_renumbered()
    {
        var started = DateTime.UtcNow;
        var me = new TwoNodes.Node(_system, Proxy(), null!);
        await me.UpAsync(1);
        await Task.WhenAll(StartNodeAsync(me, members: 2), StartNodeAsync(me, members: 3));
        var deadline = DateTime.UtcNow + Patience; // shards go to the regions the coordinator knows when first asked for: both
        while ((await me.Region.Ask<CurrentRegions>(GetCurrentRegions.Instance, Patience)).Regions.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second region did not register with the coordinator");
        }

        var ledger = new TurnLedger();
        foreach (var id in Ids)
        {
            await me.Region.Ask<Subscribed>(new LiveSessions.Envelope(id, new Subscribe(_system.ActorOf(ledger.Listener(id)))), Patience);
        }

        using var stop = new CancellationTokenSource();
        var talking = Ids.Select(id => TalkAsync(me.Region, id, ledger, stop.Token)).ToList();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await AwaitTurnsOnEverySessionAsync(ledger, 2 + kill); // talking, and on the sessions that moved, talking again

            // The first started node that holds sessions: the first time, the shard coordinator's too, very likely.
            var (victim, sessions) = await HolderAsync(me.Region);
            var address = Akka.Actor.Address.Parse(victim.Address!);
            await victim.KillAsync();
            var inFlight = ledger.Pending();
            var killed = DateTime.UtcNow;
            _nodes.Remove(victim);
            await victim.DisposeAsync();
            var replacement = StartNodeAsync(me, members: 3); // joins once the dead one is gone
            await me.RemovedAsync(address); // the split-brain resolver downed it: its shards go to the survivor
            output.WriteLine($"kill {kill} at {(killed - started).TotalSeconds:F1}s: {victim.Address} held {sessions} sessions, {inFlight} acknowledged turns in flight (turns so far {string.Join(", ", Ids.Select(id => $"{id} {ledger.AcksOf(id)}"))}); removed after {(DateTime.UtcNow - killed).TotalSeconds:F1}s");
            await replacement;
        }

        await AwaitTurnsOnEverySessionAsync(ledger, 3); // every session talks after the last kill
        await stop.CancelAsync();
        await Task.WhenAll(talking);
        await ledger.SettledAsync(Patience);

        var figures = ledger.Read(_emulator.Connections);
        output.WriteLine($"kills {Kills}, {(DateTime.UtcNow - started).TotalSeconds:F1}s: {figures}");
        foreach (var line in figures.Lost.Concat(figures.Twice).Concat(figures.Reused).Concat(figures.Unproven))
        {
            output.WriteLine(line);
        }

        Assert.True(figures.Acknowledged >= Ids.Length * (Kills + 3), $"only {figures.Acknowledged} turns were acknowledged");
        Assert.Empty(figures.Reused);
        Assert.Empty(figures.Lost);
        Assert.Empty(figures.Twice);
        Assert.Empty(figures.Unproven);
    }

    /// <summary>One session's turns, one at a time, until stopped: each acknowledged one waits a while for its outcome.</summary>
    private static async Task TalkAsync(IActorRef proxy, string id, TurnLedger ledger, CancellationToken stop)
    {
        for (var turn = 1; !stop.IsCancellationRequested; turn++)
        {
            var text = $"{id}-t{turn}";
            var outcome = ledger.OutcomeOf(text);
            try
            {
                var accepted = await proxy.Ask<SendAccepted>(new LiveSessions.Envelope(id, new Send(ClientContent.UserText(text), Correlation: text)), TurnPatience);
                ledger.Acknowledged(id, accepted.Sequence, text);
            }
            catch (AskTimeoutException)
            {
                ledger.Unconfirmed(); // sent to a node that died: not acknowledged, so the next turn goes on
                continue;
            }
            catch (LiveConnectionException e)
            {
                ledger.Refused(e.Error.Code);
                continue;
            }

            // A session whose node died answers once it is back on the survivor: meanwhile the next turn goes on.
            try
            {
                await outcome.WaitAsync(TurnPatience, CancellationToken.None);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    /// <summary>Waits until every session has <paramref name="more"/> acknowledged turns beyond those it had.</summary>
    private static async Task AwaitTurnsOnEverySessionAsync(TurnLedger ledger, int more)
    {
        var targets = Ids.ToDictionary(id => id, id => ledger.AcksOf(id) + more);
        foreach (var (id, target) in targets)
        {
            await ledger.AcksAsync(id, target, Patience);
        }
    }

    private async Task StartNodeAsync(TwoNodes.Node me, int members)
    {
        var node = NodeProcess.Start(_emulator.BaseAddress, _file, AkkaCluster.Get(_system).SelfAddress.ToString());
        lock (_nodes)
        {
            _nodes.Add(node); // disposed with the test whatever happens next
        }

        await node.ReadyAsync();
        await me.UpAsync(members);
    }

    /// <summary>The first started node that holds at least one session now, and how many it holds.</summary>
    private async Task<(NodeProcess Node, int Sessions)> HolderAsync(IActorRef proxy)
    {
        var holders = new List<string>();
        foreach (var id in Ids)
        {
            var found = await proxy.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession(id), Patience);
            holders.Add(found.Session.Path.Address.ToString());
        }

        var node = _nodes.OrderBy(n => n.Started).First(n => holders.Contains(n.Address!));
        return (node, holders.Count(h => h == node.Address));
    }

    private IActorRef Proxy() =>
        ClusterSharding.Get(_system).StartProxy(ClusterNode.Sharding.TypeName, ClusterNode.Role, new SessionMessageExtractor(ClusterNode.Sharding.NumberOfShards));
}
