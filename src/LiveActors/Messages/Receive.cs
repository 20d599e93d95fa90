namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// Asks for the next server message from the session's inbox (gemini_ex's <c>receive</c>). The answer is the
    /// <see cref="Protocol.ServerMessage"/> itself, or a <see cref="Akka.Actor.Status.Failure"/> with receive_timeout when
    /// none came in time (or session_closed once the session is over and the inbox is empty). Waiting receivers are served
    /// in the order they asked.
    /// </summary>
    /// <param name="Timeout">How long to wait; null for the configured receive-timeout (60 s by default).</param>
    public sealed record Receive(TimeSpan? Timeout = null)
    {
        /// <summary>Waits the configured receive-timeout.</summary>
        public static Receive Default { get; } = new();
    }
}
