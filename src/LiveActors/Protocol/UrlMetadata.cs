namespace LiveActors.Protocol;

/// <summary>One URL the urlContext tool tried.</summary>
public sealed record UrlMetadata : WireObject
{
    /// <summary>The URL.</summary>
    public string? RetrievedUrl { get; init; }

    /// <summary>For example <c>URL_RETRIEVAL_STATUS_SUCCESS</c> or <c>URL_RETRIEVAL_STATUS_ERROR</c>.</summary>
    public string? UrlRetrievalStatus { get; init; }
}
