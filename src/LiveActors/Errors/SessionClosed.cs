namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The session was closed (by the application or after giving up); it takes no more messages.</summary>
    public sealed record SessionClosed : ConnectionError
    {
        /// <summary>The single instance.</summary>
        public static readonly SessionClosed Instance = new();

        private SessionClosed()
        {
        }

        /// <inheritdoc />
        public override string Code => "session_closed";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message => "The session is closed.";
    }
}
