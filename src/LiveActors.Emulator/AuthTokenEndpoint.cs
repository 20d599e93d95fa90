using System.Globalization;
using System.Text.Json;
using LiveActors.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace LiveActors.Emulator;

/// <summary>
/// <c>POST /v1alpha/auth_tokens</c>: mints an ephemeral token the way docs/live-api.md §1.2 describes. The caller proves itself
/// with the emulator's API key; the body is an AuthToken (<c>uses</c>, <c>expireTime</c>, <c>newSessionExpireTime</c>, and
/// optionally <c>bidiGenerateContentSetup</c> and <c>fieldMask</c>, which are echoed back), and so is the answer, with its
/// <c>name</c> set to the token.
/// </summary>
internal static class AuthTokenEndpoint
{
    public const string Path = "/v1alpha/auth_tokens";

    private static readonly TimeSpan Horizon = TimeSpan.FromHours(20);

    public static bool Matches(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) && string.Equals("/" + request.Path.Value?.TrimStart('/'), Path, StringComparison.Ordinal);

    public static async Task HandleAsync(HttpContext context, LiveEmulator emulator)
    {
        var key = context.Request.Headers["x-goog-api-key"].FirstOrDefault() ?? context.Request.Query["key"].FirstOrDefault();
        if (string.IsNullOrEmpty(key))
        {
            await RespondAsync(context, 403, ServerFrames.UpgradeError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API.")).ConfigureAwait(false);
            return;
        }

        if (key != emulator.Options.ApiKey)
        {
            await RespondAsync(context, 400, ServerFrames.UpgradeError(400, "API key not valid. Please pass a valid API key.")).ConfigureAwait(false);
            return;
        }

        JsonDocument body;
        try
        {
            body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            await RespondAsync(context, 400, ServerFrames.UpgradeError(400, "Invalid JSON payload received.")).ConfigureAwait(false);
            return;
        }

        using (body)
        {
            var now = emulator.Options.Time.GetUtcNow();
            if (Read(body.RootElement, now) is not { } request)
            {
                await RespondAsync(context, 400, ServerFrames.UpgradeError(400, "Invalid auth token request: uses must be 0 or more, and expireTime and newSessionExpireTime RFC 3339 times within 20 hours.")).ConfigureAwait(false);
                return;
            }

            var name = emulator.Tokens.Issue(request.Uses, request.ExpireTime - now, request.NewSessionExpireTime - now);
            await RespondAsync(context, 200, Answer(body.RootElement, name, request)).ConfigureAwait(false);
        }
    }

    private static (int Uses, DateTimeOffset ExpireTime, DateTimeOffset NewSessionExpireTime)? Read(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var uses = root.TryGetProperty("uses", out var u) ? u.ValueKind == JsonValueKind.Number && u.TryGetInt32(out var n) ? n : -1 : 1;
        var expire = Time(root, "expireTime") ?? (now + TimeSpan.FromMinutes(30), true);
        var newSession = Time(root, "newSessionExpireTime") ?? (now + TimeSpan.FromSeconds(60), true);
        var ok = uses >= 0 && expire.Valid && newSession.Valid && expire.At < now + Horizon && newSession.At < now + Horizon;
        return ok ? (uses, expire.At, newSession.At < expire.At ? newSession.At : expire.At) : null;
    }

    private static (DateTimeOffset At, bool Valid)? Time(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at, true)
            : (default, false);

    private static byte[] Answer(JsonElement request, string name, (int Uses, DateTimeOffset ExpireTime, DateTimeOffset NewSessionExpireTime) token)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteNumber("uses", token.Uses);
            writer.WriteString("expireTime", token.ExpireTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            writer.WriteString("newSessionExpireTime", token.NewSessionExpireTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
            foreach (var echoed in new[] { "bidiGenerateContentSetup", "fieldMask" })
            {
                if (request.TryGetProperty(echoed, out var value))
                {
                    writer.WritePropertyName(echoed);
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static async Task RespondAsync(HttpContext context, int status, byte[] body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }
}
