using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// How the scripted model speaks on one connection: in audio (24 kHz PCM of a tone, its words in outputTranscription)
/// or in text parts, and which transcriptions it sends (PROTOCOL.md §3.1, §4.2, §7).
/// </summary>
/// <param name="Audio">Replies are audio; false: text parts (only the legacy rules, when AUDIO is not asked for).</param>
/// <param name="InputTranscription">Audio input is transcribed (inputTranscription).</param>
/// <param name="OutputTranscription">The model's audio is transcribed (outputTranscription).</param>
internal sealed record ReplyVoice(bool Audio, bool InputTranscription, bool OutputTranscription)
{
    /// <summary>
    /// The voice a setup asks for. A served model answers in audio (TEXT was refused at setup) and transcribes what
    /// setup turns on; the legacy rules answer text in text unless AUDIO is asked for, and always transcribe.
    /// </summary>
    public static ReplyVoice For(JsonElement setup, bool legacy)
    {
        var config = setup.TryGetField("generationConfig", out var c) ? c : default;
        return legacy
            ? new ReplyVoice(SetupChecks.Modalities(config).Contains("AUDIO"), InputTranscription: true, OutputTranscription: true)
            : new ReplyVoice(Audio: true, Enabled(setup, "inputAudioTranscription"), Enabled(setup, "outputAudioTranscription"));
    }

    private static bool Enabled(JsonElement setup, string member) => setup.TryGetField(member, out var value) && value.ValueKind == JsonValueKind.Object;
}
