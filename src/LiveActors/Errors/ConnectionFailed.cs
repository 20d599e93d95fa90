namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>An open connection was lost: reset, ended without a close frame, or silent past the keep-alive timeout.</summary>
    /// <param name="Reason">What the transport reported.</param>
    public sealed record ConnectionFailed(string Reason) : ConnectionError
    {
        /// <summary>The underlying exception, for diagnostics. Never rendered by <see cref="ConnectionError.ToString"/>.</summary>
        public Exception? Cause { get; init; }

        /// <inheritdoc />
        public override string Code => "connection_failed";

        /// <inheritdoc />
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => $"The connection was lost: {Reason}";
    }
}
