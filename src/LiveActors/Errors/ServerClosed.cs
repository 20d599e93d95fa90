namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The server closed the WebSocket with a close frame.</summary>
    /// <param name="CloseCode">The RFC 6455 close code, for example 1000, 1007, 1008 or 1011.</param>
    /// <param name="Reason">The close reason the server sent (often cut at 123 bytes), or an empty string.</param>
    public sealed record ServerClosed(int CloseCode, string Reason) : ConnectionError
    {
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
