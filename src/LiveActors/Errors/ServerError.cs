namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The server sent an error payload (<c>{"error":{"code":..,"message":..,"status":..}}</c>).</summary>
    /// <param name="HttpCode">The error's HTTP-style code, for example 429 or 503, when present.</param>
    /// <param name="Status">The google.rpc status name, for example <c>RESOURCE_EXHAUSTED</c>, when present.</param>
    /// <param name="ServerMessage">The server's own message text.</param>
    public sealed record ServerError(int? HttpCode, string? Status, string ServerMessage) : ConnectionError
    {
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
