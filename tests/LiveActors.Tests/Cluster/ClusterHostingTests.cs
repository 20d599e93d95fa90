using Akka.Actor;
using Akka.Cluster.Hosting;
using Akka.Hosting;
using Akka.Remote.Hosting;
using LiveActors.Cluster;
using LiveActors.Emulator;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Sessions;
using Microsoft.Extensions.DependencyInjection;
using AkkaCluster = Akka.Cluster.Cluster;
using GenericHost = Microsoft.Extensions.Hosting.Host;

using LiveActors.Tests.Support;

namespace LiveActors.Tests.Cluster;

/// <summary>The sharded region registered with Akka.Hosting: the same registry key and facade as a local one.</summary>
public sealed class ClusterHostingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _stateFile = Path.Combine(Path.GetTempPath(), $"live-cluster-hosting-{Guid.NewGuid():N}.db");
    private LiveEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy());

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        foreach (var path in new[] { _stateFile, _stateFile + "-wal", _stateFile + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task WithLiveSessions_and_a_sharding_option_registers_a_sharded_region_the_facade_reaches_through_the_region()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("live-cluster-hosting", akka => akka
            .WithRemoting("127.0.0.1", 0)
            .WithClustering(new ClusterOptions())
            .WithLiveSessions(
                new LiveSessionsSharding { NumberOfShards = 10 },
                (_, configured) => configured with { Model = "gemini-2.5-flash", ApiKey = _emulator.Options.ApiKey, BaseAddress = _emulator.BaseAddress },
                stateFile: _stateFile));
        builder.Services.AddLiveSessionsFacade(); // the same call as for a local region
        using var host = builder.Build();
        await host.StartAsync();
        using var stop = new CancellationTokenSource(Patience);
        var system = host.Services.GetRequiredService<ActorSystem>();
        AkkaCluster.Get(system).Join(AkkaCluster.Get(system).SelfAddress); // a cluster of one

        var region = await host.Services.GetRequiredService<IRequiredActor<LiveSessions>>().GetAsync(stop.Token);
        var call = host.Services.GetRequiredService<ILiveSessions>().Get("call-1");
        var reply = await call.AskAsync("hello", stop.Token);

        Assert.Contains("sharding", region.Path.ToString(), StringComparison.Ordinal);
        Assert.Equal("Turn 1: you said \"hello\"", reply.Text);
        Assert.DoesNotContain("sharding", call.Session.Path.ToString(), StringComparison.Ordinal); // a local stand-in, not the entity
        Assert.IsType<FailureSerializer>(system.Serialization.FindSerializerForType(typeof(Status.Failure))); // typed refusals cross nodes
        await host.StopAsync(stop.Token);
    }

    [Fact]
    public void Invalid_sharding_options_fail_at_once_and_say_which()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("invalid", akka => akka.WithLiveSessions(new LiveSessionsSharding { NumberOfShards = 0 }));

        var error = Assert.Throws<global::LiveActors.Errors.LiveConnectionException>(() => builder.Build().Services.GetRequiredService<ActorSystem>());

        Assert.Contains("NumberOfShards", error.Message, StringComparison.Ordinal);
    }
}
