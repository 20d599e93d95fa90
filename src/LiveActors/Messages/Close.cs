namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// Ends the session gracefully: sends a close frame, waits for the server's up to close-timeout, then answers
    /// <see cref="Closed"/>. Messages still queued are answered with <see cref="SendFailed"/> (session_closed).
    /// </summary>
    public sealed record Close
    {
        /// <summary>The one instance.</summary>
        public static Close Instance { get; } = new();

        private Close()
        {
        }
    }
}
