namespace LiveActors.Protocol;

/// <summary>How initial history is given to a new session.</summary>
public sealed record HistoryConfig : WireObject
{
    /// <summary>The server waits for history in clientContent (until turnComplete) before realtime input.</summary>
    public bool? InitialHistoryInClientContent { get; init; }
}
