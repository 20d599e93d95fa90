using LiveActors.Samples.ExtensionsAI;

namespace LiveActors.Tests.ExtensionsAI;

/// <summary>The Microsoft.Extensions.AI sample, run as a user would: tool calls through a drop, only IRealtimeClient in the app's code.</summary>
public sealed class RealtimeSampleTests
{
    [Fact]
    public async Task The_conversation_calls_its_tools_and_goes_on_after_the_drop()
    {
        var output = new StringWriter();

        var code = await RealtimeDemo.RunAsync(output).WaitAsync(TimeSpan.FromSeconds(90));

        var text = output.ToString();
        Assert.True(text.Contains("< Turn 2: get_time returned", StringComparison.Ordinal), text); // the whole transcript when it fails
        Assert.Equal(0, code);
        Assert.Contains("< Turn 1: get_weather returned {\"output\":\"sunny and 21 degrees in Paris\"}", text, StringComparison.Ordinal);
        Assert.Contains("[the network drops]", text, StringComparison.Ordinal);
        Assert.Contains("< Turn 2: get_time returned {\"output\":\"10:30\"}", text, StringComparison.Ordinal); // resumed: turn 2 of the same conversation
        Assert.Contains("< Turn 3: you said \"Thank you!\"", text, StringComparison.Ordinal);
        Assert.Contains("[2 connections, one conversation]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("(error", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_apps_own_code_knows_only_Microsoft_Extensions_AI()
    {
        var source = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "LiveActors.Samples.ExtensionsAI", "Conversation.cs"));

        Assert.DoesNotContain("using LiveActors", source, StringComparison.Ordinal);
        Assert.DoesNotContain("using Akka", source, StringComparison.Ordinal);
    }
}
