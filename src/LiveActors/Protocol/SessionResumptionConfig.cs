namespace LiveActors.Protocol;

/// <summary>
/// The <c>sessionResumption</c> member of setup: empty to ask for handles on a new session, or a handle to resume one.
/// </summary>
public sealed record SessionResumptionConfig : WireObject
{
    /// <summary>The handle of the session to resume. A secret: printed only as a short fingerprint.</summary>
    public string? Handle { get; init; }

    /// <summary>Vertex AI only: report <c>lastConsumedClientMessageIndex</c> in every update.</summary>
    public bool? Transparent { get; init; }
}
