namespace LiveActors.Protocol;

/// <summary>One source of a grounded answer: usually exactly one member is set.</summary>
public sealed record GroundingChunk : WireObject
{
    /// <summary>A web page.</summary>
    public GroundingSource? Web { get; init; }

    /// <summary>A retrieved document.</summary>
    public GroundingSource? RetrievedContext { get; init; }
}
