using System.Text.Json;

namespace LiveActors.Protocol;

/// <summary>Where an answer grounded with Google Search came from (<c>serverContent.groundingMetadata</c>).</summary>
public sealed record GroundingMetadata : WireObject
{
    /// <summary>The searches the model ran.</summary>
    public IReadOnlyList<string>? WebSearchQueries { get; init; }

    /// <summary>The search suggestions to show beside the answer, as Google's terms ask.</summary>
    public SearchEntryPoint? SearchEntryPoint { get; init; }

    /// <summary>The sources, each a web page or a retrieved document.</summary>
    public IReadOnlyList<GroundingChunk>? GroundingChunks { get; init; }

    /// <summary>Which parts of the answer which sources support.</summary>
    public IReadOnlyList<GroundingSupport>? GroundingSupports { get; init; }

    /// <summary>How retrieval went (for example the dynamic-retrieval score), as the service sends it.</summary>
    public JsonElement? RetrievalMetadata { get; init; }
}
