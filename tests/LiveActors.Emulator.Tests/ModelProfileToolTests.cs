using System.Net.WebSockets;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

/// <summary>
/// Function calling per served model (PROTOCOL.md §3.6, §5.5): the default behavior, what new input does to a pending
/// BLOCKING call, and what a NON_BLOCKING answer's scheduling prompts. What the model did with each answer is in
/// <see cref="ConnectionRecord.ToolResponses"/>.
/// </summary>
public sealed class ModelProfileToolTests
{
    private static string Tools(string? behavior) =>
        "\"tools\":[{\"functionDeclarations\":[{\"name\":\"refund\"" + (behavior is null ? "" : $",\"behavior\":\"{behavior}\"") + "}]}]";

    [Theory]
    [InlineData(Served.Gemini38, null, false)]
    [InlineData(Served.Gemini38, "BLOCKING", true)]
    [InlineData(Served.ExtendedThinking, null, false)]
    [InlineData(Served.Gemini31, null, true)]
    [InlineData(Served.Gemini31, "NON_BLOCKING", true)]
    [InlineData(Served.NativeAudio25, null, true)]
    [InlineData(Served.NativeAudio25, "NON_BLOCKING", false)]
    public async Task A_call_holds_the_turn_only_when_it_is_blocking_by_declaration_or_by_the_model_default(string model, string? behavior, bool blocking)
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, model, Tools(behavior) + ",\"outputAudioTranscription\":{}");
        await using var __ = client;

        await client.SendAsync("""{"realtimeInput":{"text":"tool:refund"}}""");
        var call = (await client.ReceiveUntilAsync(m => m.Kind == "toolCall"))[^1];
        var id = call.Body.GetProperty("functionCalls")[0].GetProperty("id").GetString();
        if (!blocking)
        {
            await ModelProfileTurnTests.ReceiveInteractionAsync(client, model); // the turn ends without the answer
        }

        await client.SendAsync($$$"""{"toolResponse":{"functionResponses":[{"id":"{{{id}}}","name":"refund","response":{"ok":true}}]}}""");
        var reply = await ModelProfileTurnTests.ReceiveInteractionAsync(client, model);

        Assert.Contains("refund returned {\"ok\":true}", ModelProfileTurnTests.Transcript(reply), StringComparison.Ordinal);
        var answered = Assert.Single((await emulator.WaitForConnectionAsync(1)).ToolResponses);
        Assert.Equal(blocking ? ToolResponseOutcome.AnsweredBlocking : ToolResponseOutcome.WhenIdle, answered.Outcome);
    }

    [Fact]
    public async Task On_3_8_new_input_cancels_a_pending_blocking_call_silently_and_its_late_answer_gets_no_reply()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, Served.Gemini38, Tools("BLOCKING") + ",\"outputAudioTranscription\":{}");
        await using var __ = client;
        await client.SendAsync("""{"realtimeInput":{"text":"tool:refund"}}""");
        var id = (await client.ReceiveUntilAsync(m => m.Kind == "toolCall"))[^1].Body.GetProperty("functionCalls")[0].GetProperty("id").GetString();

        await client.SendTextTurnAsync("stop");
        var cut = await client.ReceiveTurnAsync();
        await client.SendAsync($$$"""{"toolResponse":{"functionResponses":[{"id":"{{{id}}}","name":"refund","response":{"ok":true}}]}}""");
        await client.SendTextTurnAsync("next");
        var next = await client.ReceiveTurnAsync();
        var stop = await client.ReceiveTurnAsync();

        Assert.DoesNotContain(cut, m => m.Kind == "toolCallCancellation");
        Assert.Contains(cut, m => m.Has("serverContent", "interrupted"));
        Assert.StartsWith("Turn 2: you said \"stop\"", ModelProfileTurnTests.Transcript(next), StringComparison.Ordinal);
        Assert.StartsWith("Turn 3: you said \"next\"", ModelProfileTurnTests.Transcript(stop), StringComparison.Ordinal);
        Assert.DoesNotContain("returned", ModelProfileTurnTests.Transcript(next.Concat(stop)), StringComparison.Ordinal);
        Assert.Equal([new ToolResponseRecord(id!, null, ToolResponseOutcome.CancelledSilently)], (await emulator.WaitForConnectionAsync(1)).ToolResponses);
    }

    [Theory]
    [InlineData(Served.NativeAudio25)]
    [InlineData(Served.Gemini31)]
    public async Task Elsewhere_an_interruption_cancels_a_pending_blocking_call_with_tool_call_cancellation(string model)
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, model, Tools(null));
        await using var __ = client;
        await client.SendAsync("""{"realtimeInput":{"text":"tool:refund"}}""");
        var id = (await client.ReceiveUntilAsync(m => m.Kind == "toolCall"))[^1].Body.GetProperty("functionCalls")[0].GetProperty("id").GetString();

        await client.SendTextTurnAsync("stop");
        var cut = await client.ReceiveTurnAsync();

        Assert.Equal(id, Assert.Single(cut, m => m.Kind == "toolCallCancellation").Body.GetProperty("ids")[0].GetString());
    }

    [Fact]
    public async Task A_silent_answer_gets_no_reply_and_is_recorded()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, Served.Gemini38, Tools(null) + ",\"outputAudioTranscription\":{}");
        await using var __ = client;
        var id = await CallAsync(client);

        await client.SendAsync(Answer(id, "SILENT"));
        await client.SendTextTurnAsync("next");
        var reply = await client.ReceiveTurnAsync();

        Assert.StartsWith("Turn 2: you said \"next\"", ModelProfileTurnTests.Transcript(reply), StringComparison.Ordinal);
        Assert.Equal([new ToolResponseRecord(id, "SILENT", ToolResponseOutcome.Silent)], (await emulator.WaitForConnectionAsync(1)).ToolResponses);
    }

    [Fact]
    public async Task A_when_idle_answer_waits_for_the_current_output_and_an_interrupt_answer_cuts_it()
    {
        // Slow replies, so that each answer arrives while the reply to "talk" is still streaming.
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 3 });
        emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMilliseconds(150)));
        var (client, _) = await Served.SetupAsync(emulator, Served.Gemini38, Tools(null) + ",\"outputAudioTranscription\":{}");
        await using var __ = client;
        var first = await CallAsync(client);
        var second = await CallAsync(client);

        await client.SendTextTurnAsync("talk");
        await client.ReceiveUntilAsync(m => m.Has("serverContent", "modelTurn"));
        await client.SendAsync(Answer(first, "WHEN_IDLE"));
        var talk = await client.ReceiveTurnAsync();
        var idle = await client.ReceiveTurnAsync();
        await client.SendTextTurnAsync("talk again");
        await client.ReceiveUntilAsync(m => m.Has("serverContent", "modelTurn"));
        await client.SendAsync(Answer(second, "INTERRUPT"));
        var cut = await client.ReceiveTurnAsync();
        var interrupting = await client.ReceiveTurnAsync();

        Assert.DoesNotContain(talk, m => m.Has("serverContent", "interrupted"));
        Assert.Contains(talk, m => m.Has("serverContent", "generationComplete"));
        Assert.Equal("Turn 1: refund returned {\"ok\":true}", ModelProfileTurnTests.Transcript(idle));
        Assert.Contains(cut, m => m.Has("serverContent", "interrupted"));
        Assert.Equal("Turn 2: refund returned {\"ok\":true}", ModelProfileTurnTests.Transcript(interrupting));
        Assert.Equal([ToolResponseOutcome.WhenIdle, ToolResponseOutcome.Interrupt], (await emulator.WaitForConnectionAsync(1)).ToolResponses.Select(r => r.Outcome));
    }

    [Fact]
    public async Task Extended_thinking_closes_1007_on_an_answer_with_scheduling()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, Served.ExtendedThinking, Tools(null));
        await using var __ = client;
        var id = await CallAsync(client, Served.ExtendedThinking);

        await client.SendAsync(Answer(id, "WHEN_IDLE"));

        var close = (await client.ReceiveUntilAsync(m => m.Type == WebSocketMessageType.Close))[^1];
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
        Assert.Equal("Function response scheduling is not supported for this model", close.CloseReason);
    }

    /// <summary>Asks for a NON_BLOCKING call and reads up to the end of that turn; returns the call's id.</summary>
    private static async Task<string> CallAsync(WireClient client, string model = Served.Gemini38)
    {
        await client.SendAsync("""{"realtimeInput":{"text":"tool:refund"}}""");
        var turn = await ModelProfileTurnTests.ReceiveInteractionAsync(client, model);
        return turn.Single(m => m.Kind == "toolCall").Body.GetProperty("functionCalls")[0].GetProperty("id").GetString()!;
    }

    private static string Answer(string id, string scheduling) =>
        $$$"""{"toolResponse":{"functionResponses":[{"id":"{{{id}}}","name":"refund","response":{"ok":true},"scheduling":"{{{scheduling}}}"}]}}""";
}
