namespace LiveActors.Protocol;

/// <summary>Speech translation (<c>generationConfig.translationConfig</c>; Gemini API only).</summary>
public sealed record TranslationConfig : WireObject
{
    /// <summary>The language to translate into, as a BCP-47 code.</summary>
    public string? TargetLanguageCode { get; init; }

    /// <summary>True to have the model speak when it hears the target language too (it repeats it).</summary>
    public bool? EchoTargetLanguage { get; init; }
}
