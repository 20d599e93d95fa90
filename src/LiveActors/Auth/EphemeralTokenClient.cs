using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using LiveActors.Endpoints;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Auth;

/// <summary>
/// Mints ephemeral tokens for browsers and phones from a backend that holds the real API key:
/// <c>POST {base}/v1alpha/auth_tokens</c> with <c>x-goog-api-key</c>, as docs/live-api.md §1.2 describes. A client then connects
/// with the token as its <c>ApiKey</c> and LiveActors uses the constrained endpoint and <c>Authorization: Token</c>.
/// </summary>
/// <remarks>
/// The service refuses a token that would be used to resume after its session limit in some reports (docs/live-api.md §1.2);
/// mint with <see cref="EphemeralTokenRequest.Uses"/> 0 or above 1, or a fresh token per reconnect, where that matters.
/// </remarks>
public sealed class EphemeralTokenClient
{
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(20);

    private readonly HttpClient _http;
    private readonly string _apiKey;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;

    /// <summary>A client that mints with <paramref name="apiKey"/> at Google's endpoint or at <paramref name="baseAddress"/>.</summary>
    /// <param name="httpClient">The HttpClient to send through (from IHttpClientFactory, ideally); not disposed here.</param>
    /// <param name="apiKey">A real Gemini API key (not an ephemeral token).</param>
    /// <param name="baseAddress">Another host (the emulator, a proxy); <c>ws</c>/<c>wss</c> become <c>http</c>/<c>https</c>.</param>
    /// <param name="timeProvider">The clock that checks the requested times; the system clock by default.</param>
    public EphemeralTokenClient(HttpClient httpClient, string apiKey, Uri? baseAddress = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        if (LiveEndpoints.IsEphemeralToken(apiKey))
        {
            throw new ArgumentException("An ephemeral token cannot mint tokens: give the Gemini API key itself.", nameof(apiKey));
        }

        _http = httpClient;
        _apiKey = apiKey;
        _endpoint = LiveEndpoints.AuthTokens(baseAddress);
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>
    /// A client that mints with the key the options resolve to (<c>ApiKey</c>, else <c>GEMINI_API_KEY</c>, else
    /// <c>GOOGLE_API_KEY</c>) at their <c>BaseAddress</c>.
    /// </summary>
    /// <exception cref="LiveConnectionException">No key was found (NoApiKey).</exception>
    public EphemeralTokenClient(HttpClient httpClient, LiveConnectionOptions options)
        : this(httpClient, ResolveKey(options), options.BaseAddress)
    {
    }

    /// <summary>The address tokens are minted at (no credential in it).</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Mints a token with <paramref name="request"/>'s limits (the service's defaults when null).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit the service would refuse: uses below 0, or a time not in the next 20 hours.</exception>
    /// <exception cref="LiveConnectionException">The service refused or could not be reached (AuthenticationFailed, retryable for 408, 429, 5xx and network errors).</exception>
    public async Task<EphemeralToken> CreateAsync(EphemeralTokenRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new EphemeralTokenRequest();
        Check(request, _time.GetUtcNow());
        using var message = new HttpRequestMessage(HttpMethod.Post, _endpoint) { Content = new ByteArrayContent(Body(request)) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        message.Headers.TryAddWithoutValidation(AuthHeaders.ApiKeyHeader, _apiKey);
        message.Headers.TryAddWithoutValidation(AuthHeaders.ClientHeader, AuthHeaders.Client.Value);

        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw Failed($"the token endpoint could not be reached: {e.Message}", null, transient: true, e);
        }

        using (response)
        {
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? Parse(body) ?? throw Failed("the token endpoint answered without a token name.", status, transient: false)
                : throw Failed($"minting an ephemeral token was refused with HTTP {status}: {ErrorMessage(body)}", status,
                    Retryability.IsRetryableHttpStatus(status));
        }
    }

    private static string ResolveKey(LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CredentialResolver.Resolve(options with { AuthStrategy = AuthStrategy.GeminiApi }, LiveEnvironment.Process).Options.ApiKey!;
    }

    private static void Check(EphemeralTokenRequest request, DateTimeOffset now)
    {
        if (request.Uses is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Uses, "Uses must be 0 (unlimited) or more.");
        }

        foreach (var (name, time) in new[] { ("ExpireTime", request.ExpireTime), ("NewSessionExpireTime", request.NewSessionExpireTime) })
        {
            if (time is { } at && (at <= now || at >= now + Horizon))
            {
                throw new ArgumentOutOfRangeException(nameof(request), at, $"{name} must be in the future and less than 20 hours ahead.");
            }
        }
    }

    private static byte[] Body(EphemeralTokenRequest request)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            if (request.Uses is { } uses)
            {
                writer.WriteNumber("uses", uses);
            }

            WriteTime(writer, "expireTime", request.ExpireTime);
            WriteTime(writer, "newSessionExpireTime", request.NewSessionExpireTime);
            if (request.LockedSetup is { } setup)
            {
                writer.WritePropertyName("bidiGenerateContentSetup");
                var named = setup.Model is { } model ? setup with { Model = ModelNames.ForGeminiApi(model) } : setup;
                JsonSerializer.Serialize(writer, named, LiveJsonContext.Default.Setup);
            }

            if (request.LockedFields is { Count: > 0 } fields)
            {
                writer.WriteString("fieldMask", string.Join(',', fields));
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTimeOffset? time)
    {
        if (time is { } at)
        {
            writer.WriteString(name, at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        }
    }

    private static EphemeralToken? Parse(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("name", out var name)
                || name.GetString() is not { Length: > 0 } token)
            {
                return null;
            }

            return new EphemeralToken(token)
            {
                ExpireTime = Time(root, "expireTime"),
                NewSessionExpireTime = Time(root, "newSessionExpireTime"),
                Uses = root.TryGetProperty("uses", out var uses) && uses.TryGetInt32(out var n) ? n : null,
            };
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static DateTimeOffset? Time(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private static string ErrorMessage(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message)
                ? message.GetString() ?? "no message"
                : "no error message";
        }
        catch (JsonException)
        {
            return "the answer was not JSON";
        }
    }

    private static LiveConnectionException Failed(string reason, int? status, bool transient, Exception? cause = null) =>
        new(new AuthenticationFailed(reason, transient) { Status = status, Cause = cause });
}
