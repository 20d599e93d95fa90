namespace LiveActors.Protocol;

/// <summary>How the model generates: output modalities, sampling, speech and thinking. Only a subset applies to Live.</summary>
public sealed record GenerationConfig : WireObject
{
    /// <summary><c>AUDIO</c> or <c>TEXT</c> (see <see cref="Modalities"/>); native-audio models accept only AUDIO.</summary>
    public IReadOnlyList<string>? ResponseModalities { get; init; }

    /// <summary>Sampling temperature.</summary>
    public double? Temperature { get; init; }

    /// <summary>Nucleus sampling probability mass.</summary>
    public double? TopP { get; init; }

    /// <summary>Top-k sampling. A number, not an integer type: Google's SDKs write it as a float (<c>9.0</c>).</summary>
    public double? TopK { get; init; }

    /// <summary>The most tokens a reply may have.</summary>
    public int? MaxOutputTokens { get; init; }

    /// <summary>How many candidates to generate.</summary>
    public int? CandidateCount { get; init; }

    /// <summary>Presence penalty.</summary>
    public double? PresencePenalty { get; init; }

    /// <summary>Frequency penalty.</summary>
    public double? FrequencyPenalty { get; init; }

    /// <summary>A seed for reproducible sampling.</summary>
    public int? Seed { get; init; }

    /// <summary><c>MEDIA_RESOLUTION_LOW</c>, <c>MEDIA_RESOLUTION_MEDIUM</c> or <c>MEDIA_RESOLUTION_HIGH</c>.</summary>
    public string? MediaResolution { get; init; }

    /// <summary>The voice and language of spoken replies.</summary>
    public SpeechConfig? SpeechConfig { get; init; }

    /// <summary>Thinking budget or level, and whether thoughts are returned.</summary>
    public ThinkingConfig? ThinkingConfig { get; init; }

    /// <summary>Let the model adapt its tone to the user's (native-audio models).</summary>
    public bool? EnableAffectiveDialog { get; init; }

    /// <summary>Speech translation into another language (Gemini API only).</summary>
    public TranslationConfig? TranslationConfig { get; init; }
}
