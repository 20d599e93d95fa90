using System.Net.WebSockets;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

/// <summary>
/// What each served model does with setup, row by row of PROTOCOL.md §1.5 and §5.5, with the close codes and reason
/// texts of §6: which names are served, responseModalities, thinkingConfig, BLOCKING declarations, proactive audio.
/// </summary>
public sealed class ModelProfileSetupTests
{
    [Theory]
    [InlineData(Served.Gemini38, "gemini-3.8-live", EmulatedFamily.Gemini3)]
    [InlineData(Served.ExtendedThinking, "gemini-3.8-live-extended-thinking", EmulatedFamily.ExtendedThinking)]
    [InlineData(Served.Gemini31, "gemini-3.1-flash-live-preview", EmulatedFamily.Gemini3)]
    [InlineData(Served.NativeAudio25, "gemini-2.5-flash-native-audio", EmulatedFamily.Gemini2)]
    [InlineData(Served.VertexNativeAudio25, "gemini-live-2.5-flash-native-audio", EmulatedFamily.Gemini2)]
    [InlineData(Served.VertexGemini38, "gemini-3.8-live", EmulatedFamily.Gemini3)]
    public async Task A_served_model_is_set_up_under_its_own_row(string model, string row, EmulatedFamily family)
    {
        await using var emulator = await LiveEmulator.StartAsync();

        var (client, answer) = await Served.SetupAsync(emulator, model);
        await using var _ = client;

        Assert.Equal("setupComplete", answer.Kind);
        var record = await emulator.WaitForConnectionAsync(1);
        Assert.Equal(row, record.ServedAs);
        Assert.Equal(family, record.Family);
    }

    [Theory]
    [InlineData("models/gemini-live-2.5-flash-preview", "models/gemini-live-2.5-flash-preview is not found for API version v1beta, or is not supported for bidiGenerateContent. Call")]
    [InlineData("models/gemini-2.0-flash-live-001", "models/gemini-2.0-flash-live-001 is not found for API version v1beta, or is not supported for bidiGenerateContent. Call Lis")]
    [InlineData("models/gemini-2.5-flash", "models/gemini-2.5-flash is not found for API version v1beta, or is not supported for bidiGenerateContent. Call ListModels t")]
    [InlineData("models/gemini-9-live", "models/gemini-9-live is not found for API version v1beta, or is not supported for bidiGenerateContent. Call ListModels to s")]
    public async Task A_shut_down_or_unknown_model_closes_1008_with_the_service_reason_cut_to_123_bytes(string model, string reason)
    {
        await using var emulator = await LiveEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        var close = await client.SetupAsync(model);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal(reason, close.CloseReason);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(close.CloseReason!) <= 123);
    }

    [Fact]
    public async Task The_refusal_names_the_api_version_of_the_path_and_vertex_words_it_its_own_way()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        await using var alpha = await WireClient.ConnectAsync(emulator, Paths.GeminiV1Alpha);
        await using var vertex = await Served.ConnectAsync(emulator, Served.VertexGemini38);

        var alphaClose = await alpha.SetupAsync("models/gemini-live-2.5-flash-preview");
        var vertexClose = await vertex.SetupAsync("projects/demo/locations/us-central1/publishers/google/models/gemini-2.0-flash-live-001");

        Assert.StartsWith("models/gemini-live-2.5-flash-preview is not found for API version v1alpha,", alphaClose.CloseReason, StringComparison.Ordinal);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, vertexClose.CloseStatus);
        Assert.StartsWith("Publisher Model `projects/demo/locations/us-central1/publishers/google/models/gemini-2.0-flash-live-001` was not", vertexClose.CloseReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Legacy_rules_serve_names_the_service_does_not_only_when_the_option_says_so()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { UnknownModels = UnknownModelPolicy.AcceptWithLegacyRules });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync(Paths.GeminiModel);

        await client.SendTextTurnAsync("hi");

        var turn = await client.ReceiveTurnAsync();
        Assert.Equal("Turn 1: you said \"hi\"", string.Concat(turn.Where(m => m.Has("serverContent", "modelTurn"))
            .Select(m => m.Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("text").GetString())));
        Assert.Null((await emulator.WaitForConnectionAsync(1)).ServedAs);
    }

    [Theory]
    [InlineData(Served.Gemini38, """["TEXT"]""")]
    [InlineData(Served.Gemini38, """["AUDIO","TEXT"]""")]
    [InlineData(Served.ExtendedThinking, """["TEXT"]""")]
    [InlineData(Served.Gemini31, """["TEXT"]""")]
    [InlineData(Served.Gemini31, """["text"]""")]
    [InlineData(Served.NativeAudio25, """["TEXT"]""")]
    [InlineData(Served.VertexNativeAudio25, """["TEXT"]""")]
    public async Task Text_response_modality_closes_1007_on_every_served_model(string model, string modalities)
    {
        await using var emulator = await LiveEmulator.StartAsync();

        var (client, close) = await Served.SetupAsync(emulator, model, $$"""
            "generationConfig":{"responseModalities":{{modalities}}}
            """);
        await using var _ = client;

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
        Assert.Equal("The requested combination of response modalities (TEXT) is not supported by the model", close.CloseReason);
    }

    [Theory]
    [InlineData(Served.Gemini38, """{"thinkingLevel":"LOW"}""", "Thinking level is not supported for this model")]
    [InlineData(Served.Gemini38, """{"thinkingBudget":1024}""", null)]
    [InlineData(Served.ExtendedThinking, """{"includeThoughts":true}""", "Thinking level must be specified for this model")]
    [InlineData(Served.ExtendedThinking, """{"thinkingLevel":"MINIMAL"}""", "Request contains an invalid argument.")]
    [InlineData(Served.ExtendedThinking, """{"thinkingLevel":"HIGH","thinkingBudget":1024}""", "Request contains an invalid argument.")]
    [InlineData(Served.ExtendedThinking, """{"thinkingLevel":"MEDIUM"}""", null)]
    [InlineData(Served.Gemini31, """{"thinkingLevel":"LOW"}""", null)]
    [InlineData(Served.NativeAudio25, """{"thinkingBudget":0}""", null)]
    public async Task Thinking_config_is_taken_or_refused_as_each_model_does(string model, string thinking, string? refusal)
    {
        await using var emulator = await LiveEmulator.StartAsync();

        var (client, answer) = await Served.SetupAsync(emulator, model, $$$"""
            "generationConfig":{"responseModalities":["AUDIO"],"thinkingConfig":{{{thinking}}}}
            """);
        await using var _ = client;

        AssertAnswer(answer, refusal);
    }

    [Theory]
    [InlineData(Served.ExtendedThinking, "BLOCKING", "BLOCKING function calls are not supported for this model")]
    [InlineData(Served.ExtendedThinking, "NON_BLOCKING", null)]
    [InlineData(Served.Gemini38, "BLOCKING", null)]
    [InlineData(Served.Gemini38, "NON_BLOCKING", null)]
    [InlineData(Served.NativeAudio25, "NON_BLOCKING", null)]
    public async Task A_function_declared_blocking_is_refused_only_by_extended_thinking(string model, string behavior, string? refusal)
    {
        await using var emulator = await LiveEmulator.StartAsync();

        var (client, answer) = await Served.SetupAsync(emulator, model, $$$"""
            "tools":[{"functionDeclarations":[{"name":"refund","behavior":"{{{behavior}}}"}]}]
            """);
        await using var _ = client;

        AssertAnswer(answer, refusal);
    }

    [Theory]
    [InlineData(Served.Gemini38, false, "Request contains an invalid argument.")]
    [InlineData(Served.ExtendedThinking, false, "Request contains an invalid argument.")]
    [InlineData(Served.Gemini38, true, null)]
    [InlineData(Served.NativeAudio25, false, null)]
    [InlineData(Served.NativeAudio25, true, null)]
    public async Task Turning_proactive_audio_off_is_an_error_on_3_8_where_it_is_always_on(string model, bool proactive, string? refusal)
    {
        await using var emulator = await LiveEmulator.StartAsync();

        var (client, answer) = await Served.SetupAsync(emulator, model, $$$"""
            "proactivity":{"proactiveAudio":{{{(proactive ? "true" : "false")}}}}
            """);
        await using var _ = client;

        AssertAnswer(answer, refusal);
    }

    private static void AssertAnswer(Received answer, string? refusal)
    {
        if (refusal is null)
        {
            Assert.Equal("setupComplete", answer.Kind);
            return;
        }

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, answer.CloseStatus);
        Assert.Equal(refusal, answer.CloseReason);
    }
}
