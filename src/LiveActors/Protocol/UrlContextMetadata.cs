namespace LiveActors.Protocol;

/// <summary>What the urlContext tool retrieved (<c>serverContent.urlContextMetadata</c>).</summary>
public sealed record UrlContextMetadata : WireObject
{
    /// <summary>One entry per URL.</summary>
    public IReadOnlyList<UrlMetadata>? UrlMetadata { get; init; }
}
