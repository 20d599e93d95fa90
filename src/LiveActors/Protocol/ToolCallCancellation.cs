namespace LiveActors.Protocol;

/// <summary>The model no longer wants these calls (the user interrupted): cancel them and do not answer them.</summary>
public sealed record ToolCallCancellation : WireObject
{
    /// <summary>The ids of the cancelled calls.</summary>
    public IReadOnlyList<string>? Ids { get; init; }
}
