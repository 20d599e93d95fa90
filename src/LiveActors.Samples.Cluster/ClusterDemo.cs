using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.Configuration;
using LiveActors.Cluster;
using LiveActors.Emulator;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using AkkaCluster = Akka.Cluster.Cluster;

namespace LiveActors.Samples.Cluster;

/// <summary>
/// Two nodes of one cluster in this process (loopback, port 0, one SQLite journal in a temporary folder) hold a session
/// of the loopback emulator; the node holding it leaves, and the same facade goes on with the same conversation on the
/// other node.
/// </summary>
internal static class ClusterDemo
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("liveactors-cluster-");
        await using var emulator = await LiveEmulator.StartAsync();
        var options = new LiveConnectionOptions
        {
            Model = "gemini-3.8-live", // today's Live model: it answers in audio only, its words in the output transcription
            ApiKey = emulator.Options.ApiKey,
            BaseAddress = emulator.BaseAddress,
            Setup = new Setup { GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] }, OutputAudioTranscription = new AudioTranscriptionConfig() },
        };
        var journal = Path.Combine(folder.FullName, "sessions.db");
        var a = Node("a", journal, options);
        var b = Node("b", journal, options);
        try
        {
            await JoinAsync(a.System, a.System);
            await JoinAsync(b.System, a.System);
            while ((await a.Region.Ask<CurrentRegions>(GetCurrentRegions.Instance, Patience)).Regions.Count < 2)
            {
                // each ask is a round trip to the coordinator: until both regions have registered
            }

            // A call whose session sharding puts on node b, talked to from node a.
            var callId = await FirstOnOtherNodeAsync(a.Region);
            var call = new LiveSessionsFacade(a.System, a.Region).Get(callId);
            output.WriteLine($"[{callId} runs on node b]");
            output.WriteLine((await call.AskAsync("Hello from node a").WaitAsync(Patience)).Transcript);

            output.WriteLine("[node b leaves the cluster: its sessions passivate and move]");
            await CoordinatedShutdown.Get(b.System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).WaitAsync(Patience);

            var reply = await call.AskAsync("Are you still there?").WaitAsync(Patience);
            var holder = await a.Region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession(callId), Patience);
            output.WriteLine($"[{callId} runs on node {(holder.Session.Path.Address.HasLocalScope ? "a" : "b")} now, resumed from its stored handle]");
            output.WriteLine(reply.Transcript);
            return reply.Transcript.StartsWith("Turn 2", StringComparison.Ordinal) ? 0 : 1;
        }
        finally
        {
            await b.System.Terminate();
            await CoordinatedShutdown.Get(a.System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance);
            folder.Delete(recursive: true);
        }
    }

    private static (ActorSystem System, IActorRef Region) Node(string name, string journal, LiveConnectionOptions options)
    {
        var config = ConfigurationFactory.ParseString($$"""
            akka.loglevel = WARNING
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster.roles = ["{{name}}"]
            """).WithFallback(LiveSessionsCluster.Config).WithFallback(LiveSessionsSqlite.Config(journal)); // one journal for both nodes
        var system = ActorSystem.Create("live-cluster", config);
        var region = LiveSessionsCluster.StartRegion(system, new LiveSessionsOptions(_ => options), new LiveSessionsSharding { NumberOfShards = 10 });
        return (system, region);
    }

    private static async Task JoinAsync(ActorSystem node, ActorSystem seed)
    {
        var up = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        AkkaCluster.Get(node).RegisterOnMemberUp(up.SetResult);
        AkkaCluster.Get(node).Join(AkkaCluster.Get(seed).SelfAddress);
        await up.Task.WaitAsync(Patience);
    }

    private static async Task<string> FirstOnOtherNodeAsync(IActorRef region)
    {
        for (var i = 1; ; i++)
        {
            var found = await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession($"call-{i}"), Patience);
            if (!found.Session.Path.Address.HasLocalScope)
            {
                return found.SessionId;
            }
        }
    }
}
