using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Persistence.Sql.Hosting;
using Akka.Remote.Hosting;
using LiveActors.Cluster;
using LiveActors.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace LiveActors.Samples.Snippets;

/// <summary>The README's "Past one node" snippet: the same region on Akka.Cluster.Sharding, with a journal every node shares.</summary>
internal static class ClusterSample
{
    public static void Register(IServiceCollection services, string postgres) =>
        services.AddAkka("app", akka => akka
            .WithRemoting("0.0.0.0", 4053)
            .WithClustering(new ClusterOptions { SeedNodes = ["akka.tcp://app@10.0.0.1:4053"], Roles = ["calls"] })
            .WithSqlPersistence(postgres, LinqToDB.ProviderName.PostgreSQL15) // one journal for every node
            .WithLiveSessions(new LiveSessionsSharding { Role = "calls", NumberOfShards = 100 }, (id, configured) => configured with { Model = "gemini-3.1-flash-live-preview" }))
            .AddLiveSessionsFacade(); // unchanged: sessions.Get(callId) follows the session from node to node
}
