using System.Text.Json;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Facade;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// One whole conversation (history, text turns, audio, a tool call, a drop, a goAway handover) as each model family,
/// against an emulator that enforces each family's rules: nothing is refused, and the conversation continues whole.
/// </summary>
public sealed class ConversationPerFamilyTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Theory]
    [InlineData("gemini-2.5-flash-native-audio-preview-12-2025", EmulatedFamily.Gemini2)]
    [InlineData("gemini-3.1-flash-live-preview", EmulatedFamily.Gemini3)]
    [InlineData("gemini-3.8-live-extended-thinking", EmulatedFamily.ExtendedThinking)]
    public async Task A_conversation_runs_end_to_end(string model, EmulatedFamily family)
    {
        // Connection 1 drops once the poke (its 10th client message) has arrived; connection 2 gets goAway at its 2nd.
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(10)));
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(2), TimeSpan.FromSeconds(10)));
        var live = LiveConnection.Start(Sys, Served(model) with
        {
            InitialHistory = [Content.FromText("My name is Ada."), Content.FromText("Hello Ada!", Roles.Model)],
        });
        using var stop = new CancellationTokenSource(Patience * 2);
        var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        Assert.Equal(LiveReplyEnd.Completed, (await live.AskAsync("hello", stop.Token)).End);
        for (var chunk = 0; chunk < 4; chunk++)
        {
            await live.SendAsync(RealtimeInput.Pcm(new byte[3_200]), stop.Token); // 100 ms each
        }

        var spoken = await live.AskAsync(RealtimeInput.EndOfAudioStream, stop.Token);
        var call = await live.AskAsync("tool:get_weather {\"city\":\"Paris\"}", stop.Token);
        var answered = await live.AskAsync(Sunny(Assert.Single(call.ToolCalls)), stop.Token);
        await live.SendAsync(Poke.Send.Message, stop.Token);
        Assert.True((await NextAsync<Live.Reconnected>(events)).Resumed);
        var afterDrop = await live.AskAsync("after the drop", stop.Token);
        var beforeGoAway = await live.AskAsync("before goAway", stop.Token);
        Assert.True((await NextAsync<Live.Reconnected>(events)).Resumed); // the handover
        var last = await live.AskAsync("last", stop.Token);

        Assert.Equal(LiveReplyEnd.Completed, spoken.End);
        Assert.Equal(4 * 3_200 * 3 / 2, spoken.Audio.Length); // the same 400 ms at 24 kHz
        Assert.Equal(LiveReplyEnd.ToolCall, call.End);
        Assert.Equal(LiveReplyEnd.Completed, answered.End);
        Assert.Contains("get_weather returned", answered.Transcript, StringComparison.Ordinal);
        Assert.All(new[] { afterDrop, beforeGoAway, last }, reply => Assert.Equal(LiveReplyEnd.Completed, reply.End));
        var connections = await Task.WhenAll(Enumerable.Range(1, 3).Select(n => Emulator.WaitForConnectionAsync(n)));
        Assert.All(connections, c => Assert.Null(c.Violation));
        Assert.All(connections, c => Assert.Equal(family, c.Family));
        Assert.Equal(
            ["text:My name is Ada.", "text:hello", "audio", "audio", "audio", "audio", "audio", "text:tool:get_weather {\"city\":\"Paris\"}", "toolResponse",
                "text:after the drop", "text:before goAway", "text:last"],
            SessionLog.Describe(connections[2].SessionMessages));
        await live.CloseAsync(stop.Token);
        await events.DisposeAsync();
    }

    private static async Task<T> NextAsync<T>(IAsyncEnumerator<Live.Event> events)
    {
        while (await events.MoveNextAsync())
        {
            if (events.Current is T found)
            {
                return found;
            }
        }

        throw new InvalidOperationException($"The session ended before {typeof(T).Name}.");
    }

    private static ToolResponse Sunny(FunctionCall call) => new()
    {
        FunctionResponses = [new FunctionResponse { Id = call.Id, Name = call.Name, Response = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement }],
    };
}
