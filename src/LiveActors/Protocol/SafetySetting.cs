namespace LiveActors.Protocol;

/// <summary>A safety filter threshold for one harm category.</summary>
public sealed record SafetySetting : WireObject
{
    /// <summary>The harm category, for example <c>HARM_CATEGORY_HARASSMENT</c>.</summary>
    public string? Category { get; init; }

    /// <summary>The threshold, for example <c>BLOCK_ONLY_HIGH</c>.</summary>
    public string? Threshold { get; init; }
}
