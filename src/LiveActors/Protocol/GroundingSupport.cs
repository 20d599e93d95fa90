namespace LiveActors.Protocol;

/// <summary>A stretch of the answer and the sources that support it.</summary>
public sealed record GroundingSupport : WireObject
{
    /// <summary>The stretch of the answer.</summary>
    public TextSegment? Segment { get; init; }

    /// <summary>Indexes into <see cref="GroundingMetadata.GroundingChunks"/>.</summary>
    public IReadOnlyList<int>? GroundingChunkIndices { get; init; }

    /// <summary>How confident each of those sources is, 0 to 1, in the same order.</summary>
    public IReadOnlyList<double>? ConfidenceScores { get; init; }
}
