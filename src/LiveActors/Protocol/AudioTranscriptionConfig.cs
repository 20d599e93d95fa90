namespace LiveActors.Protocol;

/// <summary>Turns on transcription of input or output audio; <c>{}</c> with the defaults.</summary>
public sealed record AudioTranscriptionConfig : WireObject
{
    /// <summary>Languages to expect, as BCP-47 codes (newer models).</summary>
    public IReadOnlyList<string>? LanguageCodes { get; init; }
}
