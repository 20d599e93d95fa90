namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// The message reached a session actor that has stopped without closing: its region passivated and removed it, moved
    /// it to another node, or its process is stopping. Nothing was accepted. Sent again through the region
    /// (<c>LiveSessions.Envelope</c>), it reaches the session where it lives now, which resumes the conversation.
    /// </summary>
    public sealed record SessionStopped : ConnectionError
    {
        /// <summary>The single instance.</summary>
        public static readonly SessionStopped Instance = new();

        private SessionStopped()
        {
        }

        /// <inheritdoc />
        public override string Code => "session_stopped";

        /// <inheritdoc />
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => "The session's actor has stopped; send through its region to reach it where it lives now.";
    }
}
