using Microsoft.AspNetCore.Http;

namespace LiveActors.Emulator;

/// <summary>Checks the upgrade request's credentials the way each backend does, with the service's status codes and texts.</summary>
internal static class CredentialCheck
{
    private static readonly string[] SecretHeaders = ["x-goog-api-key", "authorization", "proxy-authorization", "cookie"];

    /// <summary>Null when the request may upgrade, else the status and message to refuse it with.</summary>
    public static (int Status, string Message)? Refusal(HttpRequest request, Backend backend, LiveEmulator emulator) => backend switch
    {
        Backend.GeminiApi => (request.Headers["x-goog-api-key"].FirstOrDefault() ?? request.Query["key"].FirstOrDefault()) switch
        {
            null or "" => (403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."),
            var key when key == emulator.Options.ApiKey => null,
            _ => (400, "API key not valid. Please pass a valid API key."),
        },
        Backend.GeminiEphemeral => EphemeralToken(request) switch
        {
            null or "" => (401, "Request is missing required authentication credential."),
            var token => emulator.Tokens.Check(token) is { } problem ? (401, problem) : null,
        },
        _ => Scheme(request, "Bearer ") switch
        {
            null or "" => (401, "Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential."),
            var token => emulator.AccessTokens.Check(token) is { } problem ? (401, problem) : null,
        },
    };

    public static string? EphemeralToken(HttpRequest request) => Scheme(request, "Token ") ?? request.Query["access_token"].FirstOrDefault();

    public static IReadOnlyDictionary<string, string> Redacted(IHeaderDictionary headers) =>
        headers.ToDictionary(
            h => h.Key.ToLowerInvariant(),
            h => SecretHeaders.Contains(h.Key, StringComparer.OrdinalIgnoreCase) ? "(redacted)" : h.Value.ToString(),
            StringComparer.OrdinalIgnoreCase);

    private static string? Scheme(HttpRequest request, string scheme) =>
        request.Headers.Authorization.FirstOrDefault() is { } value && value.StartsWith(scheme, StringComparison.OrdinalIgnoreCase)
            ? value[scheme.Length..].Trim()
            : null;
}
