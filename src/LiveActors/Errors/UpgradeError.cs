namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The WebSocket upgrade failed without an HTTP status: a malformed or cut-off handshake response.</summary>
    /// <param name="Reason">What went wrong in the handshake.</param>
    public sealed record UpgradeError(string Reason) : ConnectionError
    {
        /// <summary>The underlying exception, for diagnostics. Never rendered by <see cref="ConnectionError.ToString"/>.</summary>
        public Exception? Cause { get; init; }

        /// <inheritdoc />
        public override string Code => "upgrade_error";

        /// <inheritdoc />
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => $"The WebSocket upgrade failed: {Reason}";
    }
}
