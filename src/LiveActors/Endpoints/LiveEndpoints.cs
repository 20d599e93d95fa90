using LiveActors.Options;

namespace LiveActors.Endpoints;

/// <summary>
/// The WebSocket addresses of the Live API, exactly as the service expects them. None carries a credential: keys and
/// tokens travel in headers, so these URIs are safe to log.
/// </summary>
public static class LiveEndpoints
{
    /// <summary>The Gemini API host.</summary>
    public static readonly Uri GeminiApiHost = new("wss://generativelanguage.googleapis.com");

    /// <summary>The Vertex AI location used when neither the options nor the environment name one.</summary>
    public const string DefaultVertexLocation = "us-central1";

    /// <summary>The prefix that marks an ephemeral token; such keys use the constrained endpoint.</summary>
    public const string EphemeralTokenPrefix = "auth_tokens/";

    /// <summary>
    /// The Gemini API session endpoint: <c>/ws/google.ai.generativelanguage.{version}.GenerativeService.BidiGenerateContent</c>
    /// (a dot before BidiGenerateContent, unlike Vertex AI).
    /// </summary>
    public static Uri GeminiApi(string apiVersion = "v1beta", Uri? baseAddress = null) =>
        Combine(baseAddress ?? GeminiApiHost, $"ws/google.ai.generativelanguage.{apiVersion}.GenerativeService.BidiGenerateContent");

    /// <summary>The Gemini API endpoint for ephemeral tokens (v1alpha only): <c>...GenerativeService.BidiGenerateContentConstrained</c>.</summary>
    public static Uri GeminiApiEphemeral(Uri? baseAddress = null) =>
        Combine(baseAddress ?? GeminiApiHost, "ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained");

    /// <summary>The REST endpoint that mints ephemeral tokens: <c>https://generativelanguage.googleapis.com/v1alpha/auth_tokens</c>.</summary>
    public static Uri AuthTokens(Uri? baseAddress = null) =>
        Combine(WithScheme(baseAddress ?? GeminiApiHost, http: true), "v1alpha/auth_tokens");

    /// <summary>
    /// The Vertex AI session endpoint: <c>/ws/google.cloud.aiplatform.{version}.LlmBidiService/BidiGenerateContent</c> on
    /// the host of <paramref name="location"/> (<c>{location}-aiplatform.googleapis.com</c>; <c>aiplatform.googleapis.com</c>
    /// for <c>global</c>; <c>aiplatform.{us|eu}.rep.googleapis.com</c> for the multi-regions).
    /// </summary>
    public static Uri VertexAi(string location, string apiVersion = "v1beta1", Uri? baseAddress = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        return Combine(baseAddress ?? VertexAiHost(location), $"ws/google.cloud.aiplatform.{apiVersion}.LlmBidiService/BidiGenerateContent");
    }

    /// <summary>The Vertex AI host for a location.</summary>
    public static Uri VertexAiHost(string location) => location switch
    {
        "global" => new Uri("wss://aiplatform.googleapis.com"),
        "us" or "eu" => new Uri($"wss://aiplatform.{location}.rep.googleapis.com"),
        _ => new Uri($"wss://{location}-aiplatform.googleapis.com"),
    };

    /// <summary>The endpoint the options select: Vertex AI, the Gemini API, or its constrained endpoint for an ephemeral token.</summary>
    public static Uri For(LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AuthStrategy switch
        {
            AuthStrategy.VertexAi => VertexAi(options.Location ?? DefaultVertexLocation, options.VertexApiVersion, options.BaseAddress),
            _ when options.TokenProvider is not null || IsEphemeralToken(options.ApiKey) => GeminiApiEphemeral(options.BaseAddress),
            _ => GeminiApi(options.ApiVersion, options.BaseAddress),
        };
    }

    /// <summary>Whether a Gemini API key is an ephemeral token (<c>auth_tokens/...</c>).</summary>
    public static bool IsEphemeralToken(string? key) =>
        key is not null && key.StartsWith(EphemeralTokenPrefix, StringComparison.Ordinal);

    private static Uri Combine(Uri baseAddress, string path)
    {
        var root = WithScheme(baseAddress, http: path.StartsWith("v1alpha/", StringComparison.Ordinal));
        var prefix = root.AbsolutePath.TrimEnd('/');
        return new UriBuilder(root) { Path = $"{prefix}/{path}", Query = "", Fragment = "" }.Uri;
    }

    private static Uri WithScheme(Uri address, bool http)
    {
        var secure = address.Scheme is "wss" or "https";
        var scheme = (http, secure) switch
        {
            (true, true) => "https",
            (true, false) => "http",
            (false, true) => "wss",
            (false, false) => "ws",
        };
        return scheme == address.Scheme ? address : new UriBuilder(address) { Scheme = scheme, Port = address.IsDefaultPort ? -1 : address.Port }.Uri;
    }
}
