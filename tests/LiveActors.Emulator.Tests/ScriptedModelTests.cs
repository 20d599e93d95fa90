using System.Text;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Emulator.Tests;

public sealed class ScriptedModelTests
{
    [Fact]
    public async Task A_text_turn_is_answered_in_chunks_then_generationComplete_then_turnComplete_with_usage()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 4 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("hello there");
        var turn = await client.ReceiveTurnAsync();

        Assert.Equal(6, turn.Count);
        var chunks = turn.Take(4).Select(m => m.Body.GetProperty("modelTurn")).ToList();
        Assert.All(chunks, c => Assert.Equal("model", c.GetProperty("role").GetString()));
        Assert.Equal("Turn 1: you said \"hello there\"", string.Concat(chunks.Select(c => c.GetProperty("parts")[0].GetProperty("text").GetString())));
        Assert.Equal("""{"serverContent":{"generationComplete":true}}""", turn[4].Text);
        var usage = turn[5].Json.GetProperty("usageMetadata");
        Assert.Equal(usage.GetProperty("promptTokenCount").GetInt32() + usage.GetProperty("responseTokenCount").GetInt32(),
            usage.GetProperty("totalTokenCount").GetInt32());
        Assert.Equal("TEXT", usage.GetProperty("responseTokensDetails")[0].GetProperty("modality").GetString());
    }

    [Fact]
    public async Task Turns_are_numbered_through_the_conversation()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("one");
        var first = await client.ReceiveTurnAsync();
        await client.SendTextTurnAsync("two");
        var second = await client.ReceiveTurnAsync();

        Assert.Equal("Turn 1: you said \"one\"", TextOf(first));
        Assert.Equal("Turn 2: you said \"two\"", TextOf(second));
    }

    [Fact]
    public async Task Client_content_without_turnComplete_adds_context_but_gets_no_reply()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendAsync("""{"clientContent":{"turns":[{"role":"user","parts":[{"text":"context"}]}]}}""");
        await client.SendTextTurnAsync("question");
        var turn = await client.ReceiveTurnAsync();

        Assert.Equal("Turn 1: you said \"question\"", TextOf(turn));
    }

    [Fact]
    public async Task Realtime_text_is_answered_like_a_turn()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 2 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendAsync("""{"realtimeInput":{"text":"typed"}}""");

        Assert.Equal("Turn 1: you said \"typed\"", TextOf(await client.ReceiveTurnAsync()));
    }

    [Theory]
    [InlineData("""{"realtimeInput":{"audioStreamEnd":true}}""")]
    [InlineData("""{"realtimeInput":{"activityEnd":{}}}""")]
    public async Task Audio_is_accumulated_and_answered_with_transcriptions_and_24kHz_pcm_of_the_same_length(string end)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        // One second of 16 kHz 16-bit mono in five chunks: 32,000 bytes in, 48,000 bytes (one second at 24 kHz) out.
        for (var i = 0; i < 5; i++)
        {
            await client.SendAudioAsync(new byte[6_400]);
        }

        await client.SendAsync(end);
        var turn = await client.ReceiveTurnAsync();

        Assert.Equal("1000 ms of audio", turn[0].Body.GetProperty("inputTranscription").GetProperty("text").GetString());
        var audio = turn.Where(m => m.Has("serverContent", "modelTurn")).Select(m => m.Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("inlineData")).ToList();
        Assert.All(audio, a => Assert.Equal("audio/pcm;rate=24000", a.GetProperty("mimeType").GetString()));
        Assert.Equal(48_000, audio.Sum(a => a.GetProperty("data").GetBytesFromBase64().Length));
        Assert.Equal(5, audio.Count);
        Assert.Equal("Turn 1: I heard 1000 ms of audio.",
            Assert.Single(turn, m => m.Has("serverContent", "outputTranscription")).Body.GetProperty("outputTranscription").GetProperty("text").GetString());
        Assert.True(turn[^2].Has("serverContent", "generationComplete"));
    }

    [Fact]
    public async Task Vertex_sends_audio_as_bare_audio_pcm_and_counts_candidate_tokens()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, Paths.VertexV1, query: null,
            configure: o => o.SetRequestHeader("Authorization", "Bearer test-token"));
        await client.SetupAsync(Paths.VertexModel);

        await client.SendAudioAsync(new byte[3_200]);
        await client.SendAsync("""{"realtimeInput":{"audioStreamEnd":true}}""");
        var turn = await client.ReceiveTurnAsync();

        var audio = Assert.Single(turn, m => m.Has("serverContent", "modelTurn"));
        Assert.Equal("audio/pcm", audio.Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("inlineData").GetProperty("mimeType").GetString());
        Assert.True(turn[^1].Json.GetProperty("usageMetadata").TryGetProperty("candidatesTokenCount", out _));
    }

    [Fact]
    public async Task A_tool_turn_gets_a_toolCall_and_the_reply_waits_for_the_matching_toolResponse()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("""tool:get_weather {"city":"Paris"}""");
        var call = (await client.ReceiveAsync()).Body.GetProperty("functionCalls")[0];
        Assert.Equal("get_weather", call.GetProperty("name").GetString());
        Assert.Equal("""{"city":"Paris"}""", call.GetProperty("args").GetRawText());
        var id = call.GetProperty("id").GetString()!;
        Assert.StartsWith("call-", id, StringComparison.Ordinal);

        await client.SendAsync("""{"toolResponse":{"functionResponses":[{"id":"call-other","name":"get_weather","response":{"x":1}}]}}""");
        await client.SendAsync($$$"""{"toolResponse":{"functionResponses":[{"id":"{{{id}}}","name":"get_weather","response":{"temp":21}}]}}""");

        Assert.Equal("""Turn 1: get_weather returned {"temp":21}""", TextOf(await client.ReceiveTurnAsync()));
    }

    [Fact]
    public async Task New_input_while_a_tool_call_is_pending_interrupts_and_cancels_the_call()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();
        await client.SendTextTurnAsync("tool:lookup");
        var id = (await client.ReceiveAsync()).Body.GetProperty("functionCalls")[0].GetProperty("id").GetString();

        await client.SendTextTurnAsync("never mind");

        Assert.Equal("""{"serverContent":{"interrupted":true}}""", (await client.ReceiveAsync()).Text);
        Assert.Equal($$$"""{"toolCallCancellation":{"ids":["{{{id}}}"]}}""", (await client.ReceiveAsync()).Text);
        Assert.True((await client.ReceiveAsync()).Has("serverContent", "turnComplete"));
        Assert.Equal("Turn 2: you said \"never mind\"", TextOf(await client.ReceiveTurnAsync()));
    }

    [Fact]
    public async Task New_input_during_a_reply_yields_interrupted_and_ends_the_turn()
    {
        // The reply waits on a clock that never moves, so the new input is certain to arrive mid-reply.
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = new FakeTimeProvider() });
        emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMinutes(1)));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("long story");
        await client.SendAudioAsync(new byte[320]);

        Assert.Equal("""{"serverContent":{"interrupted":true}}""", (await client.ReceiveAsync()).Text);
        Assert.True((await client.ReceiveAsync()).Has("serverContent", "turnComplete"));
    }

    [Fact]
    public async Task The_delay_fault_holds_every_reply_message()
    {
        var delay = TimeSpan.FromMilliseconds(50);
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 2 });
        emulator.ScriptNextConnection(EmulatorFault.Delay(delay));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await client.SendTextTurnAsync("slowly");
        var turn = await client.ReceiveTurnAsync();

        // A lower bound only: four delayed messages can't arrive sooner than four delays.
        Assert.Equal(4, turn.Count);
        Assert.True(clock.Elapsed >= delay * 4, $"took {clock.Elapsed}");
    }

    private static string TextOf(IEnumerable<Received> turn) => string.Concat(turn
        .Where(m => m.Has("serverContent", "modelTurn"))
        .Select(m => m.Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("text").GetString()));
}
