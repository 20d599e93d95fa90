namespace LiveActors.Protocol;

/// <summary>The voice and language of spoken replies.</summary>
public sealed record SpeechConfig : WireObject
{
    /// <summary>The voice to speak with.</summary>
    public VoiceConfig? VoiceConfig { get; init; }

    /// <summary>A BCP-47 language code such as <c>en-US</c>.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>A speech config with the named prebuilt voice, for example <c>Kore</c> or <c>Puck</c>.</summary>
    public static SpeechConfig FromVoice(string voiceName) =>
        new() { VoiceConfig = new VoiceConfig { PrebuiltVoiceConfig = new PrebuiltVoiceConfig { VoiceName = voiceName } } };
}
