namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The server sent an error payload (<c>{"error":{"code":..,"message":..,"status":..}}</c>).</summary>
    /// <param name="HttpCode">The error's HTTP-style code, for example 429 or 503, when present.</param>
    /// <param name="Status">The google.rpc status name, for example <c>RESOURCE_EXHAUSTED</c>, when present.</param>
    /// <param name="ServerMessage">The server's own message text; secrets in it are masked.</param>
    public sealed record ServerError(int? HttpCode, string? Status, string ServerMessage) : ConnectionError
    {
        private readonly string _serverMessage = TextRedaction.Redact(ServerMessage) ?? "";

        /// <summary>
        /// The server's message with any secret-shaped token (a resumption handle, a key, a token) replaced by
        /// <c>(redacted)</c>: it goes into messages and logs, and a server may echo a credential in it.
        /// </summary>
        public string ServerMessage
        {
            get => _serverMessage;
            init => _serverMessage = TextRedaction.Redact(value) ?? "";
        }

        /// <inheritdoc />
        public override string Code => "server_error";

        /// <summary>Transient statuses (UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED, 5xx) retry; quota and request errors do not.</summary>
        public override bool IsRetryable => Retryability.IsRetryableServerError(HttpCode, Status);

        /// <inheritdoc />
        public override string Message => (HttpCode, Status) switch
        {
            (int code, string status) => $"The server reported error {code} {status}: {ServerMessage}",
            (int code, null) => $"The server reported error {code}: {ServerMessage}",
            (null, string status) => $"The server reported error {status}: {ServerMessage}",
            _ => $"The server reported an error: {ServerMessage}",
        };
    }
}
