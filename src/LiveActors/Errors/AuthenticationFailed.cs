namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// Credentials could not be obtained: a token endpoint refused or could not be reached, no Application Default
    /// Credentials were found, or minting an ephemeral token failed. The reason never holds a key, token or assertion.
    /// </summary>
    /// <param name="Reason">What failed and, where it helps, what to change.</param>
    /// <param name="Transient">Whether trying again later may succeed (an unreachable endpoint, HTTP 408, 429 or 5xx).</param>
    public sealed record AuthenticationFailed(string Reason, bool Transient) : ConnectionError
    {
        /// <summary>The HTTP status the token endpoint answered with, when it answered.</summary>
        public int? Status { get; init; }

        /// <summary>The exception behind it, when there was one; its message holds no secret.</summary>
        public Exception? Cause { get; init; }

        /// <inheritdoc />
        public override string Code => "authentication_failed";

        /// <inheritdoc />
        public override bool IsRetryable => Transient;

        /// <inheritdoc />
        public override string Message => $"Getting credentials failed: {Reason}";
    }
}
