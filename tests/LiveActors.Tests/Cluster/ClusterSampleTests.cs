using LiveActors.Samples.Cluster;

namespace LiveActors.Tests.Cluster;

/// <summary>The cluster sample, run as a user would: two nodes in one process and a session moving between them.</summary>
public sealed class ClusterSampleTests
{
    [Fact]
    public async Task The_session_moves_to_the_other_node_and_its_conversation_goes_on()
    {
        var output = new StringWriter();

        var code = await ClusterDemo.RunAsync(output).WaitAsync(TimeSpan.FromSeconds(90));

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.Matches(@"\[call-\d+ runs on node b\]", text);
        Assert.Contains("Turn 1: you said \"Hello from node a\"", text, StringComparison.Ordinal);
        Assert.Matches(@"\[call-\d+ runs on node a now, resumed from its stored handle\]", text);
        Assert.Contains("Turn 2: you said \"Are you still there?\"", text, StringComparison.Ordinal);
    }
}
