using LiveActors.Endpoints;
using LiveActors.Errors;
using LiveActors.Options;

namespace LiveActors.Auth;

/// <summary>The credential headers PROTOCOL.md prescribes, so that no credential ever travels in a URL.</summary>
internal static class AuthHeaders
{
    /// <summary>The Gemini API key header.</summary>
    public const string ApiKeyHeader = "x-goog-api-key";

    /// <summary>Identifies the client to Google, as the official SDKs do.</summary>
    public const string ClientHeader = "x-goog-api-client";

    private static readonly KeyValuePair<string, string> Client = new(ClientHeader, "liveactors/" + typeof(AuthHeaders).Assembly.GetName().Version?.ToString(3));

    /// <summary>
    /// Headers for <paramref name="options"/>: the API key (or <c>Authorization: Token</c> for an ephemeral token), or a
    /// Vertex AI bearer token from <paramref name="accessToken"/>, fetched on every attempt.
    /// </summary>
    public static IHeaderSource For(LiveConnectionOptions options, Func<CancellationToken, Task<string>>? accessToken = null) =>
        options.AuthStrategy switch
        {
            AuthStrategy.VertexAi when accessToken is not null => new BearerHeaders(accessToken),
            AuthStrategy.VertexAi => throw new LiveConnectionException(new InvalidOption(
                "AuthStrategy", "auth-strategy", "vertex-ai needs Google credentials, and none were given.")),
            _ when string.IsNullOrEmpty(options.ApiKey) => throw new LiveConnectionException(NoApiKey.Instance),
            _ when LiveEndpoints.IsEphemeralToken(options.ApiKey) => new FixedHeaders([new("Authorization", "Token " + options.ApiKey), Client]),
            _ => new FixedHeaders([new(ApiKeyHeader, options.ApiKey!), Client]),
        };

    private sealed class FixedHeaders(IReadOnlyList<KeyValuePair<string, string>> headers) : IHeaderSource
    {
        public ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(CancellationToken cancellationToken) => new(headers);
    }

    private sealed class BearerHeaders(Func<CancellationToken, Task<string>> accessToken) : IHeaderSource
    {
        public async ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(CancellationToken cancellationToken) =>
            [new("Authorization", "Bearer " + await accessToken(cancellationToken).ConfigureAwait(false)), Client];
    }
}
