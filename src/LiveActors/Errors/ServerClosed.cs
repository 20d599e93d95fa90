namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The server closed the WebSocket with a close frame.</summary>
    /// <param name="CloseCode">The RFC 6455 close code, for example 1000, 1007, 1008 or 1011.</param>
    /// <param name="Reason">The close reason the server sent (often cut at 123 bytes), or an empty string; secrets in it are masked.</param>
    public sealed record ServerClosed(int CloseCode, string Reason) : ConnectionError
    {
        private readonly string _reason = TextRedaction.Redact(Reason) ?? "";

        /// <summary>
        /// The close reason with any secret-shaped token (a resumption handle, a key, a token) replaced by
        /// <c>(redacted)</c>: it goes into messages and logs, and a server may echo a handle in it.
        /// </summary>
        public string Reason
        {
            get => _reason;
            init => _reason = TextRedaction.Redact(value) ?? "";
        }

        /// <inheritdoc />
        public override string Code => "server_closed";

        /// <summary>Decided on the code and the reason together; see <see cref="Retryability.IsRetryableClose"/>.</summary>
        public override bool IsRetryable => Retryability.IsRetryableClose(CloseCode, Reason);

        /// <inheritdoc />
        public override string Message => Reason.Length == 0
            ? $"The server closed the connection with code {CloseCode}."
            : $"The server closed the connection with code {CloseCode}: {Reason}";
    }
}
