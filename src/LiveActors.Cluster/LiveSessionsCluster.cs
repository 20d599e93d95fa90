using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using LiveActors.Errors;
using LiveActors.Sessions;

namespace LiveActors.Cluster;

/// <summary>
/// Starts a <see cref="LiveSessions"/> region on Akka.Cluster.Sharding: it keeps the region contract
/// <see cref="LiveSessions"/> states, with sessions spread over the cluster's nodes by id (each one a
/// <see cref="LiveSessionEntity"/>). Sessions keep their state in
/// the actor system's journal, which every node must share (one database) for a session to resume on another node.
/// </summary>
public static class LiveSessionsCluster
{
    /// <summary>
    /// What a node's actor system needs beside Akka.Cluster's own configuration: LiveActors' defaults and serializer,
    /// and the serializer that keeps a session's typed refusal (a <see cref="Status.Failure"/> with a
    /// <see cref="LiveConnectionException"/>) on its way to a caller on another node. <c>WithLiveSessions(sharding)</c>
    /// adds it; an actor system made by hand takes it as a fallback of its config.
    /// </summary>
    public static Config Config { get; } = ConfigurationFactory.ParseString($$"""
        akka.actor {
          serializers.live-actors-failure = "LiveActors.Cluster.FailureSerializer, LiveActors.Cluster"
          serialization-identifiers { "LiveActors.Cluster.FailureSerializer, LiveActors.Cluster" = {{FailureSerializer.Id}} }
          serialization-bindings { "Akka.Actor.Status+Failure, Akka" = live-actors-failure }
        }
        """).WithFallback(LiveActors.Options.LiveActorsConfig.Default);

    /// <summary>Starts the region on this node and returns its ref (send it envelopes, as to a local region).</summary>
    /// <exception cref="LiveConnectionException">The options are invalid.</exception>
    public static IActorRef StartRegion(ActorSystem system, LiveSessionsOptions options, LiveSessionsSharding sharding)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sharding);
        if (options.Validate().Concat(sharding.Validate()).FirstOrDefault() is { } error)
        {
            throw new LiveConnectionException(error);
        }

        return ClusterSharding.Get(system).Start(
            sharding.TypeName,
            sessionId => EntityProps(sessionId, options, sharding),
            Settings(system, sharding),
            new SessionMessageExtractor(sharding.NumberOfShards),
            ClusterSharding.Get(system).DefaultShardAllocationStrategy(ClusterShardingSettings.Create(system)),
            LiveSessionEntity.Stop.Instance);
    }

    /// <summary>
    /// A session's entity: the core's <see cref="LiveSessionEntity"/>, which keeps the region contract, asking its shard
    /// to passivate it when its session ends (the shard holds what comes for the id meanwhile, then starts a new one).
    /// </summary>
    internal static Props EntityProps(string sessionId, LiveSessionsOptions options, LiveSessionsSharding sharding) =>
        LiveSessionEntity.Props(sessionId, options, new Passivate(LiveSessionEntity.Stop.Instance), sharding.HandOffBudget);

    /// <summary>The sharding settings the options ask for, on top of the system's <c>akka.cluster.sharding</c>.</summary>
    internal static ClusterShardingSettings Settings(ActorSystem system, LiveSessionsSharding sharding)
    {
        var passivate = sharding.PassivateIdleAfter is { } idle ? $"{(long)idle.TotalMilliseconds}ms" : "off";
        // Remembered sessions are kept in the journal the sessions use, not in DistributedData's LightningDB files.
        var config = ConfigurationFactory.ParseString($"passivate-idle-entity-after = {passivate}\nremember-entities-store = eventsourced")
            .WithFallback(system.Settings.Config.GetConfig("akka.cluster.sharding"));
        var settings = ClusterShardingSettings.Create(config, system.Settings.Config.GetConfig("akka.cluster.singleton"))
            .WithRememberEntities(sharding.RememberEntities);
        return sharding.Role is { } role ? settings.WithRole(role) : settings;
    }
}
