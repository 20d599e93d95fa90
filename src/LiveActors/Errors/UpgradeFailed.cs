using System.Text.Json;

namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The server answered the WebSocket upgrade with an HTTP status other than 101.</summary>
    /// <param name="Status">The HTTP status code, for example 401 or 503.</param>
    /// <param name="Headers">The response headers, with credentials and cookies redacted.</param>
    public sealed record UpgradeFailed(int Status, IReadOnlyDictionary<string, string> Headers) : ConnectionError
    {
        /// <summary>
        /// The start of the response body when the server sent one (Google sends a JSON error), else null: at most
        /// 2 KB, with every credential the request carried (API key, token) cut out.
        /// </summary>
        public string? Body { get; init; }

        /// <inheritdoc />
        public override string Code => "upgrade_failed";

        /// <summary>408, 429 and 5xx are worth retrying; other statuses (400, 401, 403, 404, ...) need a change first.</summary>
        public override bool IsRetryable => Retryability.IsRetryableHttpStatus(Status);

        /// <inheritdoc />
        public override string Message => ServerMessage(Body) is { } said
            ? $"The server refused the WebSocket upgrade with HTTP {Status}: {said}"
            : $"The server refused the WebSocket upgrade with HTTP {Status}.";

        // Google's error body is {"error": {"code": ..., "message": "...", "status": "..."}}: its message says why.
        private static string? ServerMessage(string? body)
        {
            if (body is null || !body.StartsWith('{'))
            {
                return null;
            }

            try
            {
                using var json = JsonDocument.Parse(body);
                return json.RootElement.ValueKind == JsonValueKind.Object
                    && json.RootElement.TryGetProperty("error", out var error)
                    && error.ValueKind == JsonValueKind.Object
                    && error.TryGetProperty("message", out var message)
                    && message.ValueKind == JsonValueKind.String
                    ? message.GetString()
                    : null;
            }
            catch (JsonException)
            {
                return null; // cut at 2 KB, or not JSON after all
            }
        }
    }
}
