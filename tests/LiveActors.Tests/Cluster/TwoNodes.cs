using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using LiveActors.Cluster;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using AkkaCluster = Akka.Cluster.Cluster;

namespace LiveActors.Tests.Cluster;

/// <summary>
/// A cluster of two actor systems in this process on loopback (port 0), sharing one SQLite journal, each running the
/// sharded region; the first node joins itself, the second joins it. Downing is left to the test (no split-brain
/// resolver), so a node that is "killed" is downed the way an operator or a resolver would.
/// </summary>
internal sealed class TwoNodes : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly string _file;

    private TwoNodes(string file, Node first, Node second)
    {
        _file = file;
        First = first;
        Second = second;
    }

    public Node First { get; }

    public Node Second { get; }

    public static async Task<TwoNodes> StartAsync(Func<string, LiveConnectionOptions> optionsFor, LiveSessionsSharding? sharding = null)
    {
        var file = Path.Combine(Path.GetTempPath(), $"live-cluster-{Guid.NewGuid():N}.db");
        var first = Node.Start("first", file, optionsFor, sharding);
        AkkaCluster.Get(first.System).Join(AkkaCluster.Get(first.System).SelfAddress);
        await first.UpAsync(1);
        var second = Node.Start("second", file, optionsFor, sharding);
        AkkaCluster.Get(second.System).Join(AkkaCluster.Get(first.System).SelfAddress);
        await second.UpAsync(2);
        await first.UpAsync(2);

        // Shards go to the regions the coordinator knows when they are first asked for: both, before any session starts.
        var deadline = DateTime.UtcNow + Patience;
        while ((await first.Region.Ask<CurrentRegions>(GetCurrentRegions.Instance, Patience)).Regions.Count < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, "the second region did not register with the coordinator");
        }

        return new TwoNodes(file, first, second);
    }

    public async ValueTask DisposeAsync()
    {
        await Second.System.Terminate().WaitAsync(Patience);
        await First.System.Terminate().WaitAsync(Patience);
        foreach (var path in new[] { _file, _file + "-wal", _file + "-shm" })
        {
            File.Delete(path);
        }
    }

    /// <summary>One node: an actor system in the cluster, its region, and a facade that reaches sessions through it.</summary>
    internal sealed record Node(ActorSystem System, IActorRef Region, ILiveSessions Sessions)
    {
        public static Node Start(string name, string file, Func<string, LiveConnectionOptions> optionsFor, LiveSessionsSharding? sharding)
        {
            var config = ConfigurationFactory.ParseString("""
                akka.loglevel = WARNING
                akka.actor.provider = cluster
                akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
                akka.cluster.downing-provider-class = ""
                akka.cluster.min-nr-of-members = 1
                akka.coordinated-shutdown.phases.service-requests-done.timeout = 2s
                # Terminate is a kill: no leaving, no hand-off; a graceful leave runs coordinated shutdown itself.
                akka.coordinated-shutdown.run-by-actor-system-terminate = off
                akka.cluster.run-coordinated-shutdown-when-down = off
                """).WithFallback(LiveSessionsCluster.Config).WithFallback(LiveSessionsSqlite.Config(file));
            var system = ActorSystem.Create("live-cluster", config);
            var options = new LiveSessionsOptions(optionsFor) { PassivateAfter = null, Environment = TestEnvironment.Empty };
            var region = LiveSessionsCluster.StartRegion(system, options, sharding ?? new LiveSessionsSharding { NumberOfShards = 20 });
            return new Node(system, region, new LiveSessionsFacade(system, region)); // the region's answers say its sessions move
        }

        /// <summary>Which node holds the session now: true for this one.</summary>
        public async Task<bool> HoldsAsync(string sessionId)
        {
            var found = await Region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession(sessionId), Patience);
            return found.Session.Path.Address.HasLocalScope;
        }

        /// <summary>
        /// Asks the session where it is until it answers from this node: a message a region sent to a node that had just
        /// died is lost (sharding's own window), so each ask that goes unanswered is asked again.
        /// </summary>
        public async Task AwaitHomeAsync(string sessionId)
        {
            var deadline = DateTime.UtcNow + Patience;
            while (true)
            {
                Assert.True(DateTime.UtcNow < deadline, $"session {sessionId} did not come to {System}");
                try
                {
                    var found = await Region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession(sessionId), TimeSpan.FromSeconds(2));
                    if (found.Session.Path.Address.HasLocalScope)
                    {
                        return;
                    }
                }
                catch (AskTimeoutException)
                {
                }
            }
        }

        public async Task<StateFlushed> FlushAsync(string sessionId) =>
            await Region.Ask<StateFlushed>(new LiveSessions.Envelope(sessionId, FlushState.Instance), Patience);

        /// <summary>Completes once this node sees <paramref name="members"/> members up (cluster events, no polling).</summary>
        public Task UpAsync(int members) => WatchAsync(seen => Props.Create(() => new MembersUp(members, seen)));

        /// <summary>Completes once this node has removed the member at <paramref name="address"/> (after it was downed).</summary>
        public Task RemovedAsync(Address address) => WatchAsync(seen => Props.Create(() => new MemberRemoved(address, seen)));

        private async Task WatchAsync(Func<TaskCompletionSource, Props> watcherFor)
        {
            var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var watcher = System.ActorOf(watcherFor(seen));
            try
            {
                await seen.Task.WaitAsync(Patience);
            }
            finally
            {
                System.Stop(watcher);
            }
        }
    }

    /// <summary>Completes its task once the member at an address is removed (or was never there).</summary>
    private sealed class MemberRemoved : ReceiveActor
    {
        public MemberRemoved(Address address, TaskCompletionSource seen)
        {
            Receive<Akka.Cluster.ClusterEvent.CurrentClusterState>(state =>
            {
                if (state.Members.All(m => m.Address != address))
                {
                    seen.TrySetResult();
                }
            });
            Receive<Akka.Cluster.ClusterEvent.MemberRemoved>(removed =>
            {
                if (removed.Member.Address == address)
                {
                    seen.TrySetResult();
                }
            });
            Receive<Akka.Cluster.ClusterEvent.IMemberEvent>(_ => { });
        }

        protected override void PreStart() =>
            AkkaCluster.Get(Context.System).Subscribe(Self, Akka.Cluster.ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(Akka.Cluster.ClusterEvent.IMemberEvent));

        protected override void PostStop() => AkkaCluster.Get(Context.System).Unsubscribe(Self);
    }

    /// <summary>Completes its task once the cluster has the given number of members up.</summary>
    private sealed class MembersUp : ReceiveActor
    {
        public MembersUp(int members, TaskCompletionSource seen)
        {
            var up = new HashSet<Akka.Cluster.Member>();
            void Check()
            {
                if (up.Count >= members)
                {
                    seen.TrySetResult();
                }
            }

            Receive<Akka.Cluster.ClusterEvent.CurrentClusterState>(state =>
            {
                up.UnionWith(state.Members.Where(m => m.Status == Akka.Cluster.MemberStatus.Up));
                Check();
            });
            Receive<Akka.Cluster.ClusterEvent.MemberUp>(memberUp =>
            {
                up.Add(memberUp.Member);
                Check();
            });
            Receive<Akka.Cluster.ClusterEvent.IMemberEvent>(_ => { });
        }

        protected override void PreStart() =>
            AkkaCluster.Get(Context.System).Subscribe(Self, Akka.Cluster.ClusterEvent.SubscriptionInitialStateMode.InitialStateAsSnapshot, typeof(Akka.Cluster.ClusterEvent.IMemberEvent));

        protected override void PostStop() => AkkaCluster.Get(Context.System).Unsubscribe(Self);
    }
}
