namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The TCP or TLS connection to the service could not be opened (DNS, refused, unreachable, TLS).</summary>
    /// <param name="Reason">What the transport reported.</param>
    public sealed record OpenFailed(string Reason) : ConnectionError
    {
        /// <summary>Whether the failure is a certificate the client refused: retrying cannot fix that.</summary>
        public bool IsCertificateError { get; init; }

        /// <summary>The underlying exception, for diagnostics. Never rendered by <see cref="ConnectionError.ToString"/>.</summary>
        public Exception? Cause { get; init; }

        /// <inheritdoc />
        public override string Code => "open_failed";

        /// <inheritdoc />
        public override bool IsRetryable => !IsCertificateError;

        /// <inheritdoc />
        public override string Message => $"Could not open a connection: {Reason}";
    }
}
