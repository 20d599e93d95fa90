using System.Text.Json;
using LiveActors.Extensions.AI;
using LiveActors.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;

namespace LiveActors.Tests.ExtensionsAI;

/// <summary>Every MEAI session option is mapped to its Live API field or refused when the session is created, never dropped.</summary>
public sealed class RealtimeOptionsTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private static readonly AIFunction Weather = AIFunctionFactory.Create((string city) => $"sunny in {city}", "get_weather");

    [Fact]
    public async Task Tool_mode_none_declares_no_tools()
    {
        using var client = Pipeline();
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { Tools = [Weather], ToolMode = ChatToolMode.None });

        var connection = await Emulator.WaitForConnectionAsync(1);
        Assert.Empty(connection.SessionTools);
        Assert.Equal(ChatToolMode.None, session.Options!.ToolMode);
    }

    [Fact]
    public async Task Transcription_options_become_the_setups_transcription_fields()
    {
        using var client = Pipeline();
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions
        {
            OutputModalities = ["audio"],
            TranscriptionOptions = new TranscriptionOptions { SpeechLanguage = "fr-FR" },
            OutputAudioFormat = new RealtimeAudioFormat("audio/pcm", 24_000), // the one format the Live API speaks: taken
        });

        var setup = JsonDocument.Parse(Assert.Single((await Emulator.WaitForConnectionAsync(1)).Messages, m => m.Kind == "setup").Json).RootElement.GetProperty("setup");
        Assert.Equal("fr-FR", setup.GetProperty("inputAudioTranscription").GetProperty("languageCodes")[0].GetString());
        Assert.Equal(JsonValueKind.Object, setup.GetProperty("outputAudioTranscription").ValueKind);
    }

    public static TheoryData<string, Func<RealtimeSessionOptions>> Refused => new()
    {
        { "ToolMode", () => new RealtimeSessionOptions { Tools = [Weather], ToolMode = ChatToolMode.RequireAny } },
        { "ToolMode", () => new RealtimeSessionOptions { Tools = [Weather], ToolMode = ChatToolMode.RequireSpecific("get_weather") } },
        { "24 kHz", () => new RealtimeSessionOptions { OutputAudioFormat = new RealtimeAudioFormat("audio/pcm", 16_000) } },
        { "24 kHz", () => new RealtimeSessionOptions { OutputAudioFormat = new RealtimeAudioFormat("audio/mpeg", 24_000) } },
        { "InputAudioFormat", () => new RealtimeSessionOptions { InputAudioFormat = new RealtimeAudioFormat("audio/opus", 48_000) } },
        { "TranscriptionOptions.ModelId", () => new RealtimeSessionOptions { TranscriptionOptions = new TranscriptionOptions { ModelId = "whisper-1" } } },
        { "TranscriptionOptions.ModelId / Prompt", () => new RealtimeSessionOptions { TranscriptionOptions = new TranscriptionOptions { Prompt = "names: Zoë" } } },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task An_option_the_Live_API_has_no_field_for_is_refused_by_name_when_the_session_is_created(string named, Func<RealtimeSessionOptions> options)
    {
        using var client = Pipeline();

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => client.CreateSessionAsync(options()));

        Assert.Contains(named, refused.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Connections); // refused before any connection
    }

    [Fact]
    public async Task A_session_update_that_would_need_a_new_setup_is_refused_by_name()
    {
        using var client = Pipeline();
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { Tools = [Weather] });

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => session.SendAsync(new SessionUpdateRealtimeClientMessage(new RealtimeSessionOptions
        {
            ToolMode = ChatToolMode.None,
            TranscriptionOptions = new TranscriptionOptions { SpeechLanguage = "de-DE" },
        })));

        Assert.Contains("ToolMode, TranscriptionOptions", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_audio_goes_in_whole_samples_whatever_the_chunks()
    {
        using var client = Pipeline();
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { VoiceActivityDetection = new VoiceActivityDetectionOptions { Enabled = false } });

        await session.SendAsync(new InputAudioBufferAppendRealtimeClientMessage(new DataContent(new byte[] { 1, 2, 3 }, "audio/pcm")));
        await session.SendAsync(new InputAudioBufferAppendRealtimeClientMessage(new DataContent(new byte[] { 4, 5, 6 }, "audio/pcm")));
        await session.SendAsync(new InputAudioBufferAppendRealtimeClientMessage(new DataContent(new byte[] { 7 }, "audio/pcm")));
        await session.SendAsync(new InputAudioBufferCommitRealtimeClientMessage());

        var connection = await Emulator.WaitForConnectionAsync(1);
        var sent = await connection.WaitForMessagesAsync(5); // setup, activityStart, two chunks, activityEnd
        var audio = sent.Where(m => m.Json.Contains("\"audio\"", StringComparison.Ordinal))
            .Select(m => Convert.FromBase64String(JsonDocument.Parse(m.Json).RootElement.GetProperty("realtimeInput").GetProperty("audio").GetProperty("data").GetString()!))
            .ToList();
        Assert.Equal([[1, 2], [3, 4, 5, 6]], audio); // the last, lone byte is half a sample: the commit lets it go
        Assert.Contains("activityEnd", sent[^1].Json, StringComparison.Ordinal);
    }

    private IRealtimeClient Pipeline() =>
        new LiveRealtimeClient(Sys, Options).AsBuilder().UseFunctionInvocation().UseOpenTelemetry().UseLogging(new RecordingLoggerFactory()).Build();
}
