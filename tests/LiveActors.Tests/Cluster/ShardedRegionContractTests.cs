using Akka.Actor;
using Akka.Configuration;
using LiveActors.Cluster;
using LiveActors.Sessions;
using LiveActors.Tests.Sessions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace LiveActors.Tests.Cluster;

/// <summary>The region contract against the region on Akka.Cluster.Sharding, in a cluster of one node on loopback.</summary>
public sealed class ShardedRegionContractTests : RegionContract
{
    protected override bool SessionsMove => true;

    protected override Task<(ActorSystem System, IActorRef Region)> StartRegionAsync(LiveSessionsOptions options)
    {
        var config = ConfigurationFactory.ParseString("""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.coordinated-shutdown.phases.service-requests-done.timeout = 2s
            """).WithFallback(LiveSessionsCluster.Config);
        var system = ActorSystem.Create("sharded-region", config);
        var region = LiveSessionsCluster.StartRegion(system, options, new LiveSessionsSharding { NumberOfShards = 10 });
        AkkaCluster.Get(system).Join(AkkaCluster.Get(system).SelfAddress); // the region holds what it gets until the node is up
        return Task.FromResult((system, region));
    }
}
