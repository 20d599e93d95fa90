namespace LiveActors;

public static partial class Live
{
    /// <summary>A later connection of the session is ready.</summary>
    /// <param name="Resumed">True when the server resumed the conversation from a handle; false when it is a fresh one.</param>
    /// <param name="SessionId">The server's session id, when it gives one (Vertex AI).</param>
    public sealed record Reconnected(bool Resumed, string? SessionId) : Event
    {
        /// <summary>
        /// How many messages already sent on the lost connection were sent again on this one because the server had not
        /// consumed them (transparent resumption only).
        /// </summary>
        public int ReplayedMessages { get; init; }
    }
}
