namespace LiveActors;

public static partial class Live
{
    /// <summary>The session's first connection is ready: setupComplete arrived.</summary>
    /// <param name="SessionId">The server's session id, when it gives one (Vertex AI).</param>
    public sealed record Connected(string? SessionId) : Event;
}
