namespace LiveActors.Protocol;

/// <summary>A web page or retrieved document a grounded answer used.</summary>
public sealed record GroundingSource : WireObject
{
    /// <summary>Its address.</summary>
    public string? Uri { get; init; }

    /// <summary>Its title.</summary>
    public string? Title { get; init; }

    /// <summary>A retrieved document's text.</summary>
    public string? Text { get; init; }

    /// <summary>A web page's domain.</summary>
    public string? Domain { get; init; }
}
