namespace LiveActors.Protocol;

/// <summary>Turns on transcription of input or output audio; <c>{}</c> with the defaults.</summary>
public sealed record AudioTranscriptionConfig : WireObject
{
    /// <summary>Languages to expect, as BCP-47 codes; empty to detect the language (newer models).</summary>
    public IReadOnlyList<string>? LanguageCodes { get; init; }

    /// <summary>Words to steer recognition toward: names, jargon, brands (up to 1,000 terms).</summary>
    public IReadOnlyList<string>? CustomVocabulary { get; init; }

    /// <summary>True to get when each word was spoken (<see cref="Transcription.Words"/>).</summary>
    public bool? WordTimestamp { get; init; }

    /// <summary>True to get who spoke each piece (<see cref="Transcription.SpeakerLabel"/>).</summary>
    public bool? Diarization { get; init; }
}
