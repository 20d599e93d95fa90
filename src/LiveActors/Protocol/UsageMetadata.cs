using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>Token counts. The Gemini API says <c>response*</c> where Vertex AI says <c>candidates*</c>; both are read.</summary>
public sealed record UsageMetadata : WireObject
{
    /// <summary>Tokens in the prompt (the context so far).</summary>
    public int? PromptTokenCount { get; init; }

    /// <summary>Tokens served from the context cache.</summary>
    public int? CachedContentTokenCount { get; init; }

    /// <summary>Tokens in the reply (Gemini API name).</summary>
    public int? ResponseTokenCount { get; init; }

    /// <summary>Tokens in the reply (Vertex AI name).</summary>
    public int? CandidatesTokenCount { get; init; }

    /// <summary>Tokens of tool-use prompts.</summary>
    public int? ToolUsePromptTokenCount { get; init; }

    /// <summary>Tokens spent thinking.</summary>
    public int? ThoughtsTokenCount { get; init; }

    /// <summary>All tokens.</summary>
    public int? TotalTokenCount { get; init; }

    /// <summary>The tier that served the request, for example <c>standard</c> or <c>priority</c>.</summary>
    public string? ServiceTier { get; init; }

    /// <summary>Prompt tokens by modality.</summary>
    public IReadOnlyList<ModalityTokenCount>? PromptTokensDetails { get; init; }

    /// <summary>Cached tokens by modality.</summary>
    public IReadOnlyList<ModalityTokenCount>? CacheTokensDetails { get; init; }

    /// <summary>Reply tokens by modality (Gemini API name).</summary>
    public IReadOnlyList<ModalityTokenCount>? ResponseTokensDetails { get; init; }

    /// <summary>Reply tokens by modality (Vertex AI name).</summary>
    public IReadOnlyList<ModalityTokenCount>? CandidatesTokensDetails { get; init; }

    /// <summary>Tool-use prompt tokens by modality.</summary>
    public IReadOnlyList<ModalityTokenCount>? ToolUsePromptTokensDetails { get; init; }

    /// <summary>Vertex AI: <c>ON_DEMAND</c> or <c>PROVISIONED_THROUGHPUT</c>.</summary>
    public string? TrafficType { get; init; }

    /// <summary>Reply tokens whichever backend named them.</summary>
    [JsonIgnore]
    public int? OutputTokenCount => ResponseTokenCount ?? CandidatesTokenCount;

    /// <summary>Reply tokens by modality whichever backend named them.</summary>
    [JsonIgnore]
    public IReadOnlyList<ModalityTokenCount>? OutputTokensDetails => ResponseTokensDetails ?? CandidatesTokensDetails;
}
