using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LiveActors.Emulator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveActors.Tests.Support;

/// <summary>
/// Google's OAuth token endpoint in miniature, on loopback: it takes the JWT-bearer grant a service account makes,
/// checks the assertion's RS256 signature against the test's key, its issuer and its cloud-platform scope, and
/// answers with a fresh access token that it also grants on the emulator for as long as it says the token lives.
/// </summary>
internal sealed class FakeOAuthServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LiveEmulator _emulator;
    private ServiceAccountKey? _key;
    private int _requests;

    private FakeOAuthServer(LiveEmulator emulator)
    {
        _emulator = emulator;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    /// <summary>Where the service-account file's <c>token_uri</c> should point.</summary>
    public Uri TokenUri { get; private set; } = null!;

    /// <summary>How long issued tokens live (Google's library refreshes a token that has under about 5 minutes left).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When set, every request is answered with this status and an OAuth error body instead of a token.</summary>
    public (HttpStatusCode Status, string Error, string Description)? Failure { get; set; }

    /// <summary>Every access token issued, in order.</summary>
    public ConcurrentQueue<string> IssuedTokens { get; } = new();

    /// <summary>Every signed assertion received (secrets: they must never appear in any output).</summary>
    public ConcurrentQueue<string> Assertions { get; } = new();

    /// <summary>How many token requests arrived, answered or refused.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FakeOAuthServer> StartAsync(LiveEmulator emulator)
    {
        var server = new FakeOAuthServer(emulator);
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.TokenUri = new Uri($"http://127.0.0.1:{new Uri(address).Port}/token");
        return server;
    }

    /// <summary>A service-account key whose token_uri is this server; its signatures are the only ones accepted.</summary>
    public ServiceAccountKey CreateKey(string projectId = "sa-project") => _key = new ServiceAccountKey(TokenUri, projectId);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _key?.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var form = await context.Request.ReadFormAsync();
        var assertion = form["assertion"].ToString();
        Assertions.Enqueue(assertion);
        if (Failure is { } failure)
        {
            await RespondAsync(context, failure.Status, $$"""{"error":"{{failure.Error}}","error_description":"{{failure.Description}}"}""");
            return;
        }

        var problem = form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" ? Verify(assertion) : "Unsupported grant type.";
        if (problem is not null)
        {
            await RespondAsync(context, HttpStatusCode.BadRequest, $$"""{"error":"invalid_grant","error_description":"{{problem}}"}""");
            return;
        }

        var token = "ya29.fake-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        _emulator.AccessTokens.Grant(token, DateTimeOffset.UtcNow + TokenLifetime);
        IssuedTokens.Enqueue(token);
        await RespondAsync(context, HttpStatusCode.OK,
            $$"""{"access_token":"{{token}}","expires_in":{{(int)TokenLifetime.TotalSeconds}},"token_type":"Bearer"}""");
    }

    /// <summary>Null when the assertion is a JWT signed by the test key, issued by its account, asking for cloud-platform.</summary>
    private string? Verify(string assertion)
    {
        if (_key is not { } key || assertion.Split('.') is not [var header, var payload, var signature])
        {
            return "Invalid JWT.";
        }

        var signed = Encoding.ASCII.GetBytes(header + "." + payload);
        if (!key.Rsa.VerifyData(signed, Base64Url(signature), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1))
        {
            return "Invalid JWT Signature.";
        }

        using var claims = JsonDocument.Parse(Base64Url(payload));
        var issuer = claims.RootElement.GetProperty("iss").GetString();
        var scope = claims.RootElement.TryGetProperty("scope", out var s) ? s.GetString() : null;
        return issuer != key.ClientEmail ? "Invalid issuer."
            : scope?.Split(' ').Contains("https://www.googleapis.com/auth/cloud-platform") != true ? "Missing cloud-platform scope."
            : null;
    }

    private static byte[] Base64Url(string text) => Convert.FromBase64String(
        text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '='));

    private static async Task RespondAsync(HttpContext context, HttpStatusCode status, string json)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json);
    }
}
