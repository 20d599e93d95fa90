namespace LiveActors.Protocol;

/// <summary>
/// A resumption handle for the session's current state, or word that it cannot be resumed right now (while the model
/// is generating or a tool call is pending). An update without a handle never replaces a good one.
/// </summary>
public sealed record SessionResumptionUpdate : WireObject
{
    /// <summary>The handle to resume with; empty or absent when <see cref="Resumable"/> is false. A secret.</summary>
    public string? NewHandle { get; init; }

    /// <summary>Whether the session can be resumed at this point.</summary>
    public bool? Resumable { get; init; }

    /// <summary>Transparent mode (Vertex AI): the index of the last client message the handle's state includes.</summary>
    public long? LastConsumedClientMessageIndex { get; init; }
}
