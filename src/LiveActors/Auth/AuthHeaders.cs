using LiveActors.Endpoints;

namespace LiveActors.Auth;

/// <summary>The credential headers docs/live-api.md prescribes, so that no credential ever travels in a URL.</summary>
internal static class AuthHeaders
{
    /// <summary>The Gemini API key header.</summary>
    public const string ApiKeyHeader = "x-goog-api-key";

    /// <summary>Identifies the client to Google, as the official SDKs do.</summary>
    public const string ClientHeader = "x-goog-api-client";

    /// <summary>Carries an ephemeral token (<c>Token ...</c>) or an OAuth access token (<c>Bearer ...</c>).</summary>
    public const string Authorization = "Authorization";

    /// <summary>The client header, sent on every upgrade.</summary>
    public static readonly KeyValuePair<string, string> Client =
        new(ClientHeader, "liveactors/" + typeof(AuthHeaders).Assembly.GetName().Version?.ToString(3));

    /// <summary>
    /// A Gemini API key in <c>x-goog-api-key</c>, or an ephemeral token (<c>auth_tokens/...</c>) as
    /// <c>Authorization: Token ...</c>, the form python-genai uses on the constrained endpoint.
    /// </summary>
    public static IHeaderSource ForGeminiApi(string apiKey) => new FixedHeaders(LiveEndpoints.IsEphemeralToken(apiKey)
        ? [new(Authorization, "Token " + apiKey), Client]
        : [new(ApiKeyHeader, apiKey), Client]);

    private sealed class FixedHeaders(IReadOnlyList<KeyValuePair<string, string>> headers) : IHeaderSource
    {
        public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(CancellationToken cancellationToken) => new(headers);
    }
}
