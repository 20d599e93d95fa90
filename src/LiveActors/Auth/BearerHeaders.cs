using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Auth;

/// <summary>
/// <c>Authorization: Bearer</c> for Vertex AI. Every connect attempt asks the credential for a token; Google's library
/// hands back the cached one while it is fresh and fetches a new one before it expires, so no reconnect ever presents
/// an expired token. Failures become <see cref="AuthenticationFailed"/> without the token, key or signed assertion.
/// </summary>
internal sealed class BearerHeaders(Func<CancellationToken, Task<GoogleCredential>> credential) : IHeaderSource
{
    private GoogleCredential? _credential;

    public async ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(CancellationToken cancellationToken)
    {
        _credential ??= await credential(cancellationToken).ConfigureAwait(false);
        string token;
        try
        {
            token = await ((ITokenAccess)_credential).GetAccessTokenForRequestAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (TokenResponseException e)
        {
            var status = e.StatusCode is { } code ? (int)code : (int?)null;
            var detail = string.IsNullOrEmpty(e.Error?.ErrorDescription) ? e.Error?.Error : $"{e.Error.Error}: {e.Error.ErrorDescription}";
            throw new LiveConnectionException(new AuthenticationFailed(
                $"the token endpoint refused the credential{(status is null ? "" : $" with HTTP {status}")} ({detail ?? "no detail"}).",
                Transient: status is { } s && Errors.Retryability.IsRetryableHttpStatus(s)) { Status = status });
        }
        catch (HttpRequestException e)
        {
            throw new LiveConnectionException(new AuthenticationFailed(
                $"the token endpoint could not be reached: {e.Message}", Transient: true) { Cause = e });
        }

        if (string.IsNullOrEmpty(token))
        {
            throw new LiveConnectionException(new AuthenticationFailed("the credential gave no access token.", Transient: false));
        }

        return [new(AuthHeaders.Authorization, "Bearer " + token), AuthHeaders.Client];
    }
}
