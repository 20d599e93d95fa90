namespace LiveActors.Transport;

/// <summary>Response headers as errors may keep them: credentials and cookies replaced by <c>(redacted)</c>.</summary>
internal static class HeaderRedaction
{
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "authorization", "proxy-authorization", "x-goog-api-key", "set-cookie", "cookie", "www-authenticate", "proxy-authenticate",
    };

    public static IReadOnlyDictionary<string, string> Redact(IReadOnlyDictionary<string, IEnumerable<string>>? headers) =>
        headers is null
            ? new Dictionary<string, string>()
            : headers.ToDictionary(
                h => h.Key.ToLowerInvariant(),
                h => Secret.Contains(h.Key) ? "(redacted)" : string.Join(", ", h.Value),
                StringComparer.OrdinalIgnoreCase);
}
