using System.Net.WebSockets;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

/// <summary>
/// What each served model does mid-session, row by row of PROTOCOL.md §5.5: replies in audio with output
/// transcription (§4.2, §7), clientContent for the whole session (§3.2), and the usageMetadata-first reply of 3.x.
/// </summary>
public sealed class ModelProfileTurnTests
{
    private const string AudioWithTranscription = """
        "generationConfig":{"responseModalities":["AUDIO"]},"outputAudioTranscription":{},"inputAudioTranscription":{}
        """;

    public static TheoryData<string> Models => [Served.Gemini38, Served.ExtendedThinking, Served.Gemini31, Served.NativeAudio25, Served.VertexNativeAudio25];

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_text_turn_is_answered_in_audio_of_a_tone_with_its_words_in_output_transcription(string model)
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 3 });
        var (client, _) = await Served.SetupAsync(emulator, model, AudioWithTranscription);
        await using var __ = client;

        await client.SendTextTurnAsync("hi");
        var reply = await ReceiveInteractionAsync(client, model);

        var audio = reply.Where(m => m.Has("serverContent", "modelTurn")).Select(m => m.Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("inlineData")).ToList();
        Assert.NotEmpty(audio);
        Assert.All(audio, a => Assert.Equal(model.StartsWith("projects/", StringComparison.Ordinal) ? "audio/pcm" : "audio/pcm;rate=24000", a.GetProperty("mimeType").GetString()));
        Assert.All(audio, a => Assert.Contains(Convert.FromBase64String(a.GetProperty("data").GetString()!), b => b != 0)); // a tone, not silence
        Assert.StartsWith("Turn 1: you said \"hi\"", Transcript(reply), StringComparison.Ordinal);
        Assert.DoesNotContain(reply, m => m.Text.Contains("\"text\":\"Turn", StringComparison.Ordinal) && m.Has("serverContent", "modelTurn"));
        // §4.2: the audio and its transcript come first, then generationComplete, then turnComplete.
        var ends = reply.FindIndex(m => m.Has("serverContent", "generationComplete"));
        Assert.True(ends > reply.FindLastIndex(m => m.Has("serverContent", "modelTurn")) || model == Served.ExtendedThinking);
        Assert.True(reply[^1].Has("serverContent", "turnComplete"));
        Assert.Equal("AUDIO", reply[^1].Json.GetProperty("usageMetadata").GetProperty(model.StartsWith("projects/", StringComparison.Ordinal) ? "candidatesTokensDetails" : "responseTokensDetails")[0].GetProperty("modality").GetString());
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Audio_is_answered_with_a_tone_as_long_with_both_transcriptions_when_setup_asks_for_them(string model)
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var (client, _) = await Served.SetupAsync(emulator, model, AudioWithTranscription);
        await using var __ = client;

        await client.SendAudioAsync(new byte[6_400]); // 200 ms at 16 kHz
        await client.SendAsync("""{"realtimeInput":{"audioStreamEnd":true}}""");
        var reply = await ReceiveInteractionAsync(client, model);

        var pcm = reply.Where(m => m.Has("serverContent", "modelTurn")).SelectMany(m =>
            Convert.FromBase64String(m.Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("inlineData").GetProperty("data").GetString()!)).ToArray();
        Assert.Equal(9_600, pcm.Length); // the same 200 ms at 24 kHz
        Assert.Contains(pcm, b => b != 0);
        Assert.Contains(reply, m => m.Has("serverContent", "inputTranscription"));
        Assert.Equal("Turn 1: I heard 200 ms of audio.", Transcript(reply));
    }

    [Fact]
    public async Task Without_transcription_in_setup_a_served_model_sends_audio_alone()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var (client, _) = await Served.SetupAsync(emulator, Served.Gemini38);
        await using var __ = client;

        await client.SendTextTurnAsync("hi");
        var reply = await client.ReceiveTurnAsync();

        Assert.Contains(reply, m => m.Has("serverContent", "modelTurn"));
        Assert.DoesNotContain(reply, m => m.Has("serverContent", "outputTranscription") || m.Has("serverContent", "inputTranscription"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task Client_content_is_taken_for_the_whole_session_and_turnComplete_false_waits_for_more(string model)
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, model, AudioWithTranscription);
        await using var __ = client;
        await client.SendAsync("""{"realtimeInput":{"text":"first"}}""");
        await ReceiveInteractionAsync(client, model);

        await client.SendAsync("""{"clientContent":{"turns":[{"role":"user","parts":[{"text":"My name is Ada."}]},{"role":"model","parts":[{"text":"Hello Ada!"}]}]}}""");
        await client.SendAsync("""{"clientContent":{"turnComplete":true}}""");
        var reply = await ReceiveInteractionAsync(client, model);

        Assert.StartsWith("Turn 2: you said \"My name is Ada.Hello Ada!\"", Transcript(reply), StringComparison.Ordinal);
        var record = await emulator.WaitForConnectionAsync(1);
        Assert.Null(record.Violation);
        Assert.Equal(3, record.Messages.Count(m => m.Index >= 0));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public async Task A_history_promised_by_history_config_starts_no_reply_even_with_turn_complete(string model)
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var (client, _) = await Served.SetupAsync(emulator, model, AudioWithTranscription + ",\"historyConfig\":{\"initialHistoryInClientContent\":true}");
        await using var __ = client;

        await client.SendAsync("""{"clientContent":{"turns":[{"role":"user","parts":[{"text":"My name is Ada."}]}],"turnComplete":true}}""");
        await client.SendAsync("""{"realtimeInput":{"text":"what is my name?"}}""");
        var reply = await ReceiveInteractionAsync(client, model);

        Assert.StartsWith("Turn 1: you said \"what is my name?\"", Transcript(reply), StringComparison.Ordinal);
        Assert.Null((await emulator.WaitForConnectionAsync(1)).Violation);
    }

    [Fact]
    public async Task Early_2026_gemini_3_1_closes_1007_on_the_same_client_content()
    {
        await using var emulator = await LiveEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, Gemini31Early2026 = true });
        var (client, _) = await Served.SetupAsync(emulator, Served.Gemini31, AudioWithTranscription);
        await using var __ = client;
        await client.SendAsync("""{"realtimeInput":{"text":"first"}}""");
        await client.ReceiveTurnAsync();

        await client.SendTextTurnAsync("mid-session");

        var close = (await client.ReceiveUntilAsync(m => m.Type == WebSocketMessageType.Close))[^1];
        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, close.CloseStatus);
        Assert.Equal("Request contains an invalid argument.", close.CloseReason);
        Assert.Equal("clientContent after the initial history (or with no historyConfig)", (await emulator.WaitForConnectionAsync(1)).Violation);
    }

    [Theory]
    [InlineData(Served.Gemini38, true)]
    [InlineData(Served.ExtendedThinking, true)]
    [InlineData(Served.Gemini31, true)]
    [InlineData(Served.NativeAudio25, false)]
    public async Task A_3_x_reply_starts_with_usage_metadata_alone(string model, bool usageFirst)
    {
        await using var emulator = await LiveEmulator.StartAsync();
        var (client, _) = await Served.SetupAsync(emulator, model);
        await using var __ = client;

        await client.SendTextTurnAsync("hi");
        var first = await client.ReceiveAsync();

        Assert.Equal(usageFirst, first.Text.StartsWith("""{"serverContent":{},"usageMetadata":""", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_early_go_away_comes_before_any_handle_with_any_time_left()
    {
        await using var emulator = await LiveEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AtSetupComplete, TimeSpan.FromSeconds(300)));
        await using var client = await Served.ConnectAsync(emulator, Served.Gemini38);

        await client.SendAsync("""{"setup":{"model":"models/gemini-3.8-live","sessionResumption":{}}}""");

        Assert.Equal("setupComplete", (await client.ReceiveAsync()).Kind);
        Assert.Equal("""{"goAway":{"timeLeft":"300s"}}""", (await client.ReceiveAsync()).Text);
        Assert.Equal("sessionResumptionUpdate", (await client.ReceiveAsync()).Kind);
    }

    [Theory]
    [InlineData(300_000_000_0L, "300s")]
    [InlineData(15_000_000L, "1.500s")]
    [InlineData(5_000L, "0.000500s")]
    [InlineData(30_000_001L, "3.000000100s")]
    [InlineData(0L, "0s")]
    public void Time_left_is_written_as_a_protobuf_duration(long ticks, string text) =>
        Assert.Equal(text, Wire.ServerFrames.Duration(TimeSpan.FromTicks(ticks)));

    /// <summary>Up to the end of the interaction: turnComplete, or on extended thinking the turnComplete with IDLE.</summary>
    internal static Task<List<Received>> ReceiveInteractionAsync(WireClient client, string model) =>
        model == Served.ExtendedThinking
            ? client.ReceiveUntilAsync(m => m.Has("serverContent", "turnComplete") && m.Text.Contains("\"IDLE\"", StringComparison.Ordinal))
            : client.ReceiveTurnAsync();

    /// <summary>Every outputTranscription text of a reply, run together.</summary>
    internal static string Transcript(IEnumerable<Received> reply) => string.Concat(reply.Where(m => m.Has("serverContent", "outputTranscription"))
        .Select(m => m.Body.GetProperty("outputTranscription").GetProperty("text").GetString()));
}
