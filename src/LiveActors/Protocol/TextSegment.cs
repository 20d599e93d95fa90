namespace LiveActors.Protocol;

/// <summary>A stretch of a response's text: which part, and which bytes of it.</summary>
public sealed record TextSegment : WireObject
{
    /// <summary>The index of the part it is in.</summary>
    public int? PartIndex { get; init; }

    /// <summary>Where it starts, in bytes, inclusive.</summary>
    public int? StartIndex { get; init; }

    /// <summary>Where it ends, in bytes, exclusive.</summary>
    public int? EndIndex { get; init; }

    /// <summary>Its text.</summary>
    public string? Text { get; init; }
}
