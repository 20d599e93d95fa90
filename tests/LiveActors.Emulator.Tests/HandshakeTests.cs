using System.Net.WebSockets;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

public sealed class HandshakeTests
{
    [Theory]
    [InlineData(Paths.GeminiV1Beta)]
    [InlineData(Paths.GeminiV1Alpha)]
    public async Task Setup_is_answered_with_setupComplete_in_a_binary_frame(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, path);

        var answer = await client.SetupAsync();

        Assert.Equal(WebSocketMessageType.Binary, answer.Type);
        Assert.Equal("""{"setupComplete":{}}""", answer.Text);
    }

    [Fact]
    public async Task Vertex_setupComplete_carries_a_session_id()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, Paths.VertexV1, query: null,
            configure: o => o.SetRequestHeader("Authorization", "Bearer test-token"));

        var answer = await client.SetupAsync(Paths.VertexModel);

        Assert.Equal("setupComplete", answer.Kind);
        Assert.True(Guid.TryParse(answer.Body.GetProperty("sessionId").GetString(), out _));
    }

    [Fact]
    public async Task Snake_case_messages_are_accepted_as_the_service_accepts_them()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendAsync("""{"client_content":{"turns":[{"role":"user","parts":[{"text":"hi"}]}],"turn_complete":true}}""");
        await client.ReceiveTurnAsync();
        await client.SendAsync("""{"realtime_input":{"media_chunks":[{"mime_type":"audio/pcm;rate=16000","data":"AAAAAA=="}],"audio_stream_end":true}}""");
        var audioTurn = await client.ReceiveTurnAsync();

        Assert.Equal("0 ms of audio", audioTurn[0].Body.GetProperty("inputTranscription").GetProperty("text").GetString());
        var record = await emulator.WaitForConnectionAsync(1);
        Assert.Equal(["setup", "clientContent", "realtimeInput"], record.Messages.Select(m => m.Kind));
    }

    [Theory]
    [InlineData("""{"clientContent":{"turns":[],"turnComplete":true}}""")]
    [InlineData("""{"setup":{}}""")]
    [InlineData("""{"setup":{"model":""}}""")]
    [InlineData("""{"setup":{"model":"models/x"},"clientContent":{}}""")]
    [InlineData("""[1,2]""")]
    public async Task A_first_message_that_is_not_a_setup_with_a_model_is_closed_with_1007(string first)
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        await client.SendAsync(first);

        var close = await client.ReceiveAsync();
        Assert.Equal(WebSocketMessageType.Close, close.Type);
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
        Assert.Equal("Request contains an invalid argument.", close.CloseReason);
        var end = await (await emulator.WaitForConnectionAsync(1)).Ended;
        Assert.Equal(new ConnectionEnd(ConnectionEndKind.ServerClosed, 1007, "Request contains an invalid argument."), end);
    }

    [Fact]
    public async Task Text_that_is_not_json_is_closed_with_1007()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        await client.SendAsync("{not json");

        var close = await client.ReceiveAsync();
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
    }

    [Fact]
    public async Task A_second_setup_is_closed_with_1007()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendAsync("""{"setup":{"model":"models/gemini-2.5-flash"}}""");

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, (await client.ReceiveAsync()).CloseStatus);
    }

    [Fact]
    public async Task A_bare_model_name_is_refused_with_1008_as_the_service_does()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        var close = await client.SetupAsync("gemini-2.5-flash");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal("gemini-2.5-flash is not found for API version v1beta, or is not supported for bidiGenerateContent. Call ListModels to see t", close.CloseReason);
    }

    [Fact]
    public async Task Vertex_refuses_a_model_that_is_not_a_full_resource_name()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, Paths.VertexV1Beta1, query: null,
            configure: o => o.SetRequestHeader("Authorization", "Bearer test-token"));

        var close = await client.SetupAsync(Paths.GeminiModel);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.StartsWith("Publisher Model `models/gemini-2.5-flash` was not found", close.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Transparent_resumption_is_refused_on_the_Gemini_API_because_it_is_Vertex_only()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        var close = await client.SetupAsync(sessionResumption: """{"transparent":true}""");

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
    }

    [Fact]
    public async Task An_unknown_path_is_refused_with_404()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var error = await Assert.ThrowsAsync<WebSocketException>(() =>
            WireClient.ConnectAsync(emulator, "/ws/google.ai.generativelanguage.v2.GenerativeService.BidiGenerateContent"));

        Assert.Contains("404", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_path_with_a_double_slash_that_js_genai_uses_is_served()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, "/" + Paths.GeminiV1Beta);

        Assert.Equal("setupComplete", (await client.SetupAsync()).Kind);
    }
}
