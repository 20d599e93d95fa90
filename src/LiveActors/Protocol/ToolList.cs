namespace LiveActors.Protocol;

/// <summary>The tools of a <see cref="ContextUpdate"/>: a list in an object, so that an empty list can clear them.</summary>
public sealed record ToolList : WireObject
{
    /// <summary>The tools; empty clears them.</summary>
    public IReadOnlyList<Tool>? Tools { get; init; }
}
