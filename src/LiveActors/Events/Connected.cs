namespace LiveActors;

public static partial class Live
{
    /// <summary>The session's first connection is ready: setupComplete arrived.</summary>
    /// <param name="SessionId">The server's session id, when it gives one (Vertex AI).</param>
    public sealed record Connected(string? SessionId) : Event
    {
        /// <summary>
        /// True when the session started from a stored handle (<c>session-resumption.handle</c>) and the server took it:
        /// the model has that conversation. False for a fresh session, or when the handle was refused
        /// (<see cref="ResumptionRefused"/> came first).
        /// </summary>
        public bool Resumed { get; init; }
    }
}
