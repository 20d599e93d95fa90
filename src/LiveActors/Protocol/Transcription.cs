namespace LiveActors.Protocol;

/// <summary>A piece of a transcript. May be empty (<c>{}</c>).</summary>
public sealed record Transcription : WireObject
{
    /// <summary>The transcribed text.</summary>
    public string? Text { get; init; }

    /// <summary>True on the last piece of a transcript.</summary>
    public bool? Finished { get; init; }

    /// <summary>The detected language, as a BCP-47 code.</summary>
    public string? LanguageCode { get; init; }

    /// <summary>Its words with when each was spoken (asked for with <see cref="AudioTranscriptionConfig.WordTimestamp"/>).</summary>
    public IReadOnlyList<TranscriptionWord>? Words { get; init; }

    /// <summary>Who spoke it (asked for with <see cref="AudioTranscriptionConfig.Diarization"/>), for example <c>speaker_1</c>.</summary>
    public string? SpeakerLabel { get; init; }
}
