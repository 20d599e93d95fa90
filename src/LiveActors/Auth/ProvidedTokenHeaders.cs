using LiveActors.Endpoints;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Auth;

/// <summary>
/// <c>Authorization: Token ...</c> with a token the application's provider mints for this connect attempt: every
/// connection, reconnects and resumes included, presents a token of its own, so a call can outlive any one token's
/// expireTime (docs/live-api.md 1.2). What the provider gives is checked, never shown: an error names only its shape.
/// </summary>
internal sealed class ProvidedTokenHeaders(Func<CancellationToken, Task<string>> provider) : IHeaderSource
{
    public async ValueTask<IReadOnlyList<KeyValuePair<string, string>>> GetHeadersAsync(CancellationToken cancellationToken)
    {
        string? token;
        try
        {
            token = await provider(cancellationToken).ConfigureAwait(false);
        }
        catch (LiveConnectionException)
        {
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (HttpRequestException e)
        {
            throw new LiveConnectionException(new AuthenticationFailed(
                $"the TokenProvider could not reach the token service: {e.Message}", Transient: true) { Cause = e });
        }
        catch (Exception e)
        {
            throw new LiveConnectionException(new AuthenticationFailed(
                $"the TokenProvider failed with {e.GetType().Name}.", Transient: false) { Cause = e });
        }

        if (!LiveEndpoints.IsEphemeralToken(token?.Trim()))
        {
            throw new LiveConnectionException(new AuthenticationFailed(
                "the TokenProvider gave no ephemeral token: it must return the token's name, auth_tokens/...", Transient: false));
        }

        return [new(AuthHeaders.Authorization, "Token " + token!.Trim()), AuthHeaders.Client];
    }
}
