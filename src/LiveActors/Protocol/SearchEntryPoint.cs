namespace LiveActors.Protocol;

/// <summary>Google Search suggestions for a grounded answer.</summary>
public sealed record SearchEntryPoint : WireObject
{
    /// <summary>HTML (with its CSS) to embed in a page or web view.</summary>
    public string? RenderedContent { get; init; }

    /// <summary>Base64 JSON of search terms and their URLs.</summary>
    public string? SdkBlob { get; init; }
}
