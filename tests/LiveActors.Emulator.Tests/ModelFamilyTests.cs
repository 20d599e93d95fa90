using System.Net.WebSockets;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

/// <summary>The emulator follows the family of the model named in setup (PROTOCOL.md §3.2, §4.2, §5.5).</summary>
public sealed class ModelFamilyTests
{
    private const string Gemini31 = "models/gemini-3.1-flash-live-preview";
    private const string ExtendedThinking = "models/gemini-3.8-live-extended-thinking";
    private const string ThinkingLevel = "\"generationConfig\":{\"thinkingConfig\":{\"thinkingLevel\":\"LOW\"}}";
    private static readonly LiveEmulatorOptions Early2026 = new() { Gemini31Early2026 = true };
    private const string SetupWithHistoryConfig =
        """{"setup":{"model":"models/gemini-3.1-flash-live-preview","historyConfig":{"initialHistoryInClientContent":true}}}""";
    private const string History = """{"clientContent":{"turns":[{"role":"user","parts":[{"text":"My name is Ada."}]}],"turnComplete":true}}""";

    [Theory]
    [InlineData("""{"clientContent":{"turns":[{"role":"user","parts":[{"text":"hi"}]}],"turnComplete":true}}""", "clientContent after the initial history (or with no historyConfig)")]
    [InlineData("""{"realtimeInput":{"mediaChunks":[{"mimeType":"audio/pcm;rate=16000","data":"AAAA"}]}}""", "realtimeInput.mediaChunks")]
    public async Task An_early_2026_gemini_3_1_closes_with_1007_on(string message, string violation)
    {
        await using var emulator = await LiveEmulator.StartAsync(Early2026);
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync(Gemini31);

        await client.SendAsync(message);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, (await client.ReceiveUntilAsync(m => m.Type == WebSocketMessageType.Close))[^1].CloseStatus);
        var record = await emulator.WaitForConnectionAsync(1);
        Assert.Equal(violation, record.Violation);
        Assert.Equal(EmulatedFamily.Gemini3, record.Family);
    }

    [Fact]
    public async Task A_gemini_3_model_refuses_a_null_handle()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        var answer = await client.SetupAsync(Gemini31, sessionResumption: """{"handle":null}""");

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, answer.CloseStatus);
        Assert.Contains("null", (await emulator.WaitForConnectionAsync(1)).Violation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_gemini_2_model_takes_what_gemini_3_refuses()
    {
        await using var emulator = await LiveEmulator.StartAsync(Early2026);
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync("models/gemini-2.5-flash-native-audio-preview-12-2025", sessionResumption: """{"handle":null}""");

        await client.SendTextTurnAsync("hello");

        Assert.Contains(await client.ReceiveTurnAsync(), m => m.Has("serverContent", "modelTurn"));
        Assert.Null((await emulator.WaitForConnectionAsync(1)).Violation);
    }

    [Fact]
    public async Task Early_2026_gemini_3_1_takes_history_first_with_history_config_and_refuses_realtime_input_before_it()
    {
        await using var emulator = await LiveEmulator.StartAsync(Early2026);
        await using (var early = await WireClient.ConnectAsync(emulator))
        {
            await SetupWithHistoryConfigAsync(early);
            await early.SendAsync("""{"realtimeInput":{"text":"too soon"}}""");
            Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, (await early.ReceiveUntilAsync(m => m.Type == WebSocketMessageType.Close))[^1].CloseStatus);
        }

        await using var client = await WireClient.ConnectAsync(emulator);
        await SetupWithHistoryConfigAsync(client);
        await client.SendAsync(History);
        await client.SendAsync("""{"realtimeInput":{"text":"what is my name?"}}""");

        var turn = await client.ReceiveTurnAsync();
        Assert.Equal("""{"serverContent":{},"usageMetadata":{"promptTokenCount":5,"responseTokenCount":0,"totalTokenCount":5,"responseTokensDetails":[{"modality":"TEXT","tokenCount":0}]}}""", turn[0].Text);
        Assert.Contains(turn, m => m.Has("serverContent", "modelTurn"));
        var record = await emulator.WaitForConnectionAsync(2);
        Assert.Null(record.Violation);
        Assert.Equal("realtimeInput before the initial history was complete", (await emulator.WaitForConnectionAsync(1)).Violation);
    }

    [Fact]
    public async Task An_extended_thinking_model_speaks_twice_and_only_idle_ends_the_interaction()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupWithAsync(ExtendedThinking, ThinkingLevel);

        await client.SendAsync("""{"realtimeInput":{"text":"think"}}""");

        var reply = await client.ReceiveUntilAsync(m => m.Text.Contains("\"IDLE\"", StringComparison.Ordinal));
        var turnCompletes = reply.Where(m => m.Has("serverContent", "turnComplete")).Select(m => m.Body.GetProperty("interactionStatus").GetString()).ToList();
        Assert.Equal(["IN_PROGRESS", "IDLE"], turnCompletes);
        Assert.Equal(2, reply.Count(m => m.Has("serverContent", "modelTurn")));
        Assert.Equal(EmulatedFamily.ExtendedThinking, (await emulator.WaitForConnectionAsync(1)).Family);
    }

    [Fact]
    public async Task An_extended_thinking_model_says_idle_beside_a_tool_call()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupWithAsync(ExtendedThinking, ThinkingLevel);

        await client.SendAsync("""{"realtimeInput":{"text":"tool:lookup"}}""");

        var call = (await client.ReceiveUntilAsync(m => m.Json.TryGetProperty("toolCall", out _)))[^1];
        Assert.Equal("IDLE", call.Json.GetProperty("interactionStatus").GetString());
    }

    private static async Task SetupWithHistoryConfigAsync(WireClient client)
    {
        await client.SendAsync(SetupWithHistoryConfig);
        Assert.True((await client.ReceiveAsync()).Json.TryGetProperty("setupComplete", out _));
    }
}
