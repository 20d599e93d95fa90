using System.Collections.Concurrent;

namespace LiveActors.Emulator;

/// <summary>
/// The OAuth access tokens the Vertex AI paths accept: <see cref="LiveEmulatorOptions.BearerToken"/> always, and any token
/// granted here until it expires, so a test's fake OAuth server can hand out tokens the emulator will honour.
/// </summary>
public sealed class AccessTokens
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _granted = new(StringComparer.Ordinal);
    private readonly string _always;
    private readonly TimeProvider _time;

    internal AccessTokens(string always, TimeProvider time)
    {
        _always = always;
        _time = time;
    }

    /// <summary>Accepts <paramref name="token"/> until <paramref name="expiresAt"/> (forever when null).</summary>
    public void Grant(string token, DateTimeOffset? expiresAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        _granted[token] = expiresAt ?? DateTimeOffset.MaxValue;
    }

    /// <summary>Stops accepting <paramref name="token"/>.</summary>
    public void Revoke(string token) => _granted.TryRemove(token, out _);

    /// <summary>Null when <paramref name="token"/> is accepted now, else why not (the service's words).</summary>
    internal string? Check(string token) =>
        token == _always || (_granted.TryGetValue(token, out var expiry) && _time.GetUtcNow() < expiry)
            ? null
            : _granted.ContainsKey(token)
                ? "Request had invalid authentication credentials. The access token has expired."
                : "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.";
}
