namespace LiveActors.Protocol;

/// <summary>A token count for one modality.</summary>
public sealed record ModalityTokenCount : WireObject
{
    /// <summary><c>TEXT</c>, <c>AUDIO</c>, <c>IMAGE</c>, <c>VIDEO</c> or <c>DOCUMENT</c>.</summary>
    public string? Modality { get; init; }

    /// <summary>The number of tokens.</summary>
    public int? TokenCount { get; init; }
}
