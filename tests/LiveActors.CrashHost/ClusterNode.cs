using Akka.Actor;
using Akka.Configuration;
using LiveActors.Cluster;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Sessions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace LiveActors.CrashHost;

/// <summary>
/// A node of the sharded <see cref="LiveSessions"/> region, as its own process: it joins the cluster at a seed, holds
/// sessions (role <see cref="Role"/>) with their state on a SQLite file every node shares, and talks to an emulator.
/// It sends nothing itself: the test is a member too, sends through a sharding proxy and listens to the sessions, so
/// what it records outlives the node it kills. One line per fact on stdout:
///   READY ADDRESS               this node is up in the cluster, its region started
/// It exits when stdin closes (the test is gone), and with 3 and one line on stderr when the cluster downs it.
/// Arguments: --cluster EMULATOR-ADDRESS STATE-FILE SEED-ADDRESS
/// </summary>
public static class ClusterNode
{
    /// <summary>The actor system's name: every member's, the test's included.</summary>
    public const string SystemName = "live-crash";

    /// <summary>The role of the nodes that hold sessions (the test's own member has none: it only sends).</summary>
    public const string Role = "sessions";

    /// <summary>
    /// The region's sharding: on the session nodes, with remember-entities so a dead node's sessions restart on the
    /// survivor at once (their in-flight turns with them) rather than at their next message.
    /// </summary>
    public static LiveSessionsSharding Sharding { get; } = new() { Role = Role, NumberOfShards = 20, RememberEntities = true };

    /// <summary>
    /// A member's configuration: loopback, any port, Akka's split-brain resolver (keep-majority) deciding quickly that a
    /// killed node is gone, and LiveActors' serializers. <paramref name="seed"/> null: this member is the seed.
    /// </summary>
    public static Config Config(string? seed, params string[] roles) => ConfigurationFactory.ParseString($$"""
        akka.loglevel = WARNING
        akka.actor.provider = cluster
        akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
        akka.cluster {
          seed-nodes = [{{(seed is null ? "" : $"\"{seed}\"")}}]
          roles = [{{string.Join(", ", roles.Select(r => $"\"{r}\""))}}]
          downing-provider-class = "Akka.Cluster.SBR.SplitBrainResolverProvider, Akka.Cluster"
          split-brain-resolver { active-strategy = keep-majority, stable-after = 2s }
          failure-detector { heartbeat-interval = 500ms, acceptable-heartbeat-pause = 3s }
          run-coordinated-shutdown-when-down = on
          # A shard whose start failed (its remembered sessions not read in time from a busy journal) tries again soon.
          # Shards move only when their node dies: no rebalancing to a node that joins (a hand-off is not a crash).
          sharding {
            shard-failure-backoff = 1s, entity-restart-backoff = 1s, coordinator-failure-backoff = 1s
            least-shard-allocation-strategy { rebalance-absolute-limit = 0, rebalance-threshold = 1000 }
          }
        }
        """).WithFallback(LiveSessionsCluster.Config);

    /// <summary>Runs the node until stdin closes (0) or the cluster downs it (3).</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: LiveActors.CrashHost --cluster EMULATOR-ADDRESS STATE-FILE SEED-ADDRESS");
            return 2;
        }

        var connection = new LiveConnectionOptions
        {
            Model = "gemini-2.5-flash",
            ApiKey = "test-key",
            BaseAddress = new Uri(args[0]),
            Timeout = TimeSpan.FromSeconds(10),
            Retry = new RetryOptions { Attempts = 5, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200) },
        };
        var system = ActorSystem.Create(SystemName, Config(args[2], Role).WithFallback(LiveSessionsSqlite.Config(args[1])));
        var cluster = AkkaCluster.Get(system);
        LiveSessionsCluster.StartRegion(system, new LiveSessionsOptions(_ => connection) { PassivateAfter = null }, Sharding);
        cluster.RegisterOnMemberUp(() => Console.WriteLine($"READY {cluster.SelfAddress}"));

        var gone = Task.Run(() => Console.In.ReadToEnd());
        if (await Task.WhenAny(gone, system.WhenTerminated) == gone)
        {
            await system.Terminate();
            return 0;
        }

        Console.Error.WriteLine("the cluster downed this node (its actor system terminated)");
        return 3;
    }
}
