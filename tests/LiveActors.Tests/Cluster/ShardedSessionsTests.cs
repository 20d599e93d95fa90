using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Tests.Support;
using AkkaCluster = Akka.Cluster.Cluster;
using LiveActors.Models;

namespace LiveActors.Tests.Cluster;

/// <summary>
/// Sessions on two nodes against the emulator: spread by id, moved when a node leaves, recovered from the shared
/// journal when a node dies; the emulator's record shows each conversation went on with every message exactly once.
/// </summary>
public sealed class ShardedSessionsTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly string[] Ids = [.. Enumerable.Range(1, 12).Select(i => $"call-{i}")];

    private LiveEmulator _emulator = null!;

    private LiveConnectionOptions Options => new()
    {
        Model = "gemini-2.5-flash",
        ApiKey = "test-key",
        BaseAddress = _emulator.BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
        Retry = new RetryOptions { Attempts = 3, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
    };

    public async Task InitializeAsync() => _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { ReplyChunks = 1 }));

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task Sessions_spread_over_both_nodes_and_those_of_a_node_that_leaves_go_on_on_the_other()
    {
        await using var cluster = await TwoNodes.StartAsync(_ => Options);
        await AskEveryAsync(cluster.First, "one", turn: 1);
        var onSecond = await OnSecondAsync(cluster);
        Assert.NotEmpty(onSecond);
        Assert.NotEqual(Ids.Length, onSecond.Count); // on both nodes

        await CoordinatedShutdown.Get(cluster.Second.System).Run(CoordinatedShutdown.ClusterLeavingReason.Instance).WaitAsync(Patience);

        await AskEveryAsync(cluster.First, "two", turn: 2); // the same facades: they follow their sessions
        foreach (var id in onSecond)
        {
            Assert.True(await cluster.First.HoldsAsync(id));
        }

        AssertEveryConversationHoldsOneThenTwo();
    }

    [Fact]
    public async Task After_a_node_dies_the_next_message_for_each_of_its_sessions_resumes_it_on_the_survivor()
    {
        await using var cluster = await TwoNodes.StartAsync(_ => Options);
        await AskEveryAsync(cluster.First, "one", turn: 1);
        foreach (var id in Ids)
        {
            // The handle after "one" is stored: the journal is all a dead node leaves.
            await AwaitAsync(async () => await cluster.First.FlushAsync(id) is { HasHandle: true, Held: 0 });
        }

        var onSecond = await OnSecondAsync(cluster);
        Assert.NotEmpty(onSecond);
        var dead = AkkaCluster.Get(cluster.Second.System).SelfAddress;

        await cluster.Second.System.Terminate().WaitAsync(Patience); // no leaving, no hand-off: a crash
        AkkaCluster.Get(cluster.First.System).Down(dead); // as a split-brain resolver or an operator would
        await cluster.First.RemovedAsync(dead); // sharding hands a dead node's shards out once it is removed
        foreach (var id in onSecond)
        {
            await cluster.First.AwaitHomeAsync(id); // recovered on the survivor from the shared journal
        }

        await AskEveryAsync(cluster.First, "two", turn: 2);
        foreach (var id in onSecond)
        {
            Assert.True(await cluster.First.HoldsAsync(id));
        }

        AssertEveryConversationHoldsOneThenTwo();
    }

    [Fact]
    public async Task A_send_refused_by_a_session_on_the_other_node_fails_with_its_typed_error()
    {
        await using var cluster = await TwoNodes.StartAsync(_ => Options with { ModelFamily = ModelFamily.Gemini3 }); // the early-2026 rules (the gemini-3 family), on a name the emulator answers in text
        await AskEveryAsync(cluster.First, "one", turn: 1);
        var remote = (await OnSecondAsync(cluster))[0];
        var history = new LiveActors.Protocol.ClientContent { Turns = [LiveActors.Protocol.Content.FromText("earlier"), LiveActors.Protocol.Content.FromText("noted", "model")], TurnComplete = true };

        var refused = await Assert.ThrowsAsync<global::LiveActors.Errors.LiveConnectionException>(
            () => cluster.First.Sessions.Get(remote).SendAsync(history).WaitAsync(Patience));

        var error = Assert.IsType<global::LiveActors.Errors.ConnectionError.UnsupportedByModel>(refused.Error);
        Assert.Equal("gemini-3", error.Profile);
    }

    private static async Task AskEveryAsync(TwoNodes.Node node, string text, int turn)
    {
        foreach (var id in Ids)
        {
            var reply = await node.Sessions.Get(id).AskAsync(text).WaitAsync(Patience);
            Assert.Equal($"Turn {turn}: you said \"{text}\"", reply.Text);
        }
    }

    private static async Task<List<string>> OnSecondAsync(TwoNodes cluster)
    {
        var onSecond = new List<string>();
        foreach (var id in Ids)
        {
            if (!await cluster.First.HoldsAsync(id))
            {
                onSecond.Add(id);
            }
        }

        return onSecond;
    }

    /// <summary>Every connection that took "two" holds the conversation "one", "two": nothing lost, nothing twice.</summary>
    private void AssertEveryConversationHoldsOneThenTwo()
    {
        var finals = _emulator.Connections.Where(c => SessionLog.Describe(c.SessionMessages).Contains("text:two")).ToList();
        Assert.Equal(Ids.Length, finals.Count);
        Assert.All(finals, c => Assert.Equal(["text:one", "text:two"], SessionLog.Describe(c.SessionMessages)));
    }

    /// <summary>Asks again until <paramref name="condition"/> holds: each ask is a round trip, so nothing sleeps.</summary>
    private static async Task AwaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "the condition did not hold in time");
        }
    }
}
