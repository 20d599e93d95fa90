using System.Text.RegularExpressions;

namespace LiveActors.Errors;

/// <summary>
/// Masks the secrets a free text from the server may carry (a close reason, an error message) while the rest stays
/// readable: an API key, an ephemeral token, a <c>key=</c> or <c>access_token=</c> value, a bearer token, and any
/// opaque token shaped like a resumption handle. The server writes these texts, so they are treated like headers: a
/// handle echoed in a close reason would otherwise reach every log line and exception message about it.
/// </summary>
internal static partial class TextRedaction
{
    /// <summary>What a masked secret becomes.</summary>
    public const string Mask = "(redacted)";

    /// <summary><paramref name="text"/> with every secret-shaped token replaced by <see cref="Mask"/>; null stays null.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        text = QueryValue().Replace(text, $"$1{Mask}");
        text = Bearer().Replace(text, $"$1{Mask}");
        text = EphemeralToken().Replace(text, $"auth_tokens/{Mask}");
        text = ApiKey().Replace(text, Mask);
        return OpaqueToken().Replace(text, token => LooksOpaque(token.Value) ? Mask : token.Value);
    }

    /// <summary>
    /// Mixed case, and not a camel-case word such as <c>BidiGenerateContentSetup</c>: random base64 almost never
    /// reads as one, while model names (lower case) and status names (upper case) are left alone; or a run of 32 hex
    /// digits or more in one case, letters and digits both (a hex-encoded key or token), which no word or name is.
    /// </summary>
    private static bool LooksOpaque(string token) =>
        (token.Any(char.IsLower) && token.Any(char.IsUpper) && !CamelCaseWord().IsMatch(token)) || HexSecret().IsMatch(token);

    [GeneratedRegex(@"(?i)(\b(?:key|api_key|access_token|token)=)[^&\s""',;()]+")]
    private static partial Regex QueryValue();

    [GeneratedRegex(@"(?i)(\bBearer\s+)[^\s""',;()]+")]
    private static partial Regex Bearer();

    [GeneratedRegex(@"auth_tokens/[^\s""'&,;()]+")]
    private static partial Regex EphemeralToken();

    [GeneratedRegex(@"AIza[0-9A-Za-z_\-]{20,}")]
    private static partial Regex ApiKey();

    // 24 characters at least: resumption handles and keys are longer, most words shorter.
    [GeneratedRegex(@"[A-Za-z0-9+/_\-]{24,}={0,2}")]
    private static partial Regex OpaqueToken();

    [GeneratedRegex(@"^(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])(?:[0-9a-f]{32,}|[0-9A-F]{32,})={0,2}$")]
    private static partial Regex HexSecret();

    [GeneratedRegex(@"^[A-Za-z][a-z]*(?:[A-Z][a-z]+)*$")]
    private static partial Regex CamelCaseWord();
}
