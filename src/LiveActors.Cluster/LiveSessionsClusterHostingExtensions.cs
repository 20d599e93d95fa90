using Akka.Cluster.Hosting;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Sessions;

namespace LiveActors.Cluster;

/// <summary>Akka.Hosting registration of a sharded <see cref="LiveSessions"/> region (with Akka.Cluster.Hosting).</summary>
public static class LiveSessionsClusterHostingExtensions
{
    /// <summary>
    /// Starts the <see cref="LiveSessions"/> region on Akka.Cluster.Sharding and registers it under
    /// <see cref="LiveSessions"/> (<c>IRequiredActor&lt;LiveSessions&gt;</c>), as the local <c>WithLiveSessions</c> does:
    /// application code that sends envelopes or uses <c>AddLiveSessionsFacade</c> does not change (the facade reaches
    /// sessions through the region, so it follows them across nodes). Clustering itself is the app's
    /// (<c>WithClustering</c>); every node holding sessions must share one journal: the embedded SQLite file is the
    /// fallback for one machine, and a journal the app configures (Akka.Persistence.Sql on PostgreSQL or SQL Server)
    /// takes precedence over it.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="sharding">How the region shards: role, number of shards, remember-entities, idle passivation.</param>
    /// <param name="optionsFor">A session's options from its id and the configured options; null: the configured ones.</param>
    /// <param name="configure">Changes to the region's options after HOCON (<c>sessions</c>).</param>
    /// <param name="configurationSection">An IConfiguration section with LiveActors options, as for one session.</param>
    /// <param name="stateFile">The SQLite file of the fallback journal; <c>sessions.state-file</c> when null.</param>
    public static AkkaConfigurationBuilder WithLiveSessions(
        this AkkaConfigurationBuilder builder,
        LiveSessionsSharding sharding,
        Func<string, LiveConnectionOptions, LiveConnectionOptions>? optionsFor = null,
        Func<LiveSessionsOptions, LiveSessionsOptions>? configure = null,
        string? configurationSection = null,
        string? stateFile = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(sharding);
        if (sharding.Validate() is [var first, ..])
        {
            throw new Errors.LiveConnectionException(first);
        }

        builder.AddHocon(LiveSessionsCluster.Config, HoconAddMode.Append); // a fallback: still above Akka.Remote's reference binding
        builder.AddHocon(LiveSessionsSqlite.Config(stateFile ?? LiveSessionsSqlite.DefaultStateFile), HoconAddMode.Append);
        return builder.WithShardRegion<LiveSessions>(
            sharding.TypeName,
            (system, _, resolver) =>
            {
                var options = LiveActorsHostingExtensions.ConfiguredSessionsOptions(system, resolver, optionsFor, configure, configurationSection);
                return sessionId => LiveSessionsCluster.EntityProps(sessionId, options, sharding);
            },
            new SessionMessageExtractor(sharding.NumberOfShards),
            new ShardOptions
            {
                Role = sharding.Role,
                RememberEntities = sharding.RememberEntities,
                RememberEntitiesStore = RememberEntitiesStore.Eventsourced, // in the sessions' journal, not LightningDB files
                ShouldPassivateIdleEntities = sharding.PassivateIdleAfter is not null,
                PassivateIdleEntityAfter = sharding.PassivateIdleAfter,
                HandOffStopMessage = LiveSessionEntity.Stop.Instance,
            });
    }
}
