using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LiveActors.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Emulator.Tests;

/// <summary>The REST endpoint that mints ephemeral tokens, and OAuth access tokens granted at run time.</summary>
public sealed class TokenEndpointTests
{
    private static readonly FakeTimeProvider Clock = new(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task Minting_with_the_api_key_returns_an_AuthToken_whose_name_opens_the_constrained_endpoint()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = Clock });

        var (status, body) = await PostAsync(emulator, "test-key", """
            {"uses":2,"expireTime":"2026-11-25T12:30:00Z","newSessionExpireTime":"2026-11-25T12:05:00Z",
             "bidiGenerateContentSetup":{"model":"models/gemini-live-2.5-flash-preview"},"fieldMask":"generationConfig.temperature"}
            """);

        Assert.Equal(HttpStatusCode.OK, status);
        var token = body.GetProperty("name").GetString()!;
        Assert.StartsWith("auth_tokens/", token, StringComparison.Ordinal);
        Assert.Equal(2, body.GetProperty("uses").GetInt32());
        Assert.Equal("2026-11-25T12:30:00.000Z", body.GetProperty("expireTime").GetString());
        Assert.Equal("2026-11-25T12:05:00.000Z", body.GetProperty("newSessionExpireTime").GetString());
        Assert.Equal("models/gemini-live-2.5-flash-preview", body.GetProperty("bidiGenerateContentSetup").GetProperty("model").GetString());
        Assert.Equal(1, emulator.TokenRequests);
        Assert.Empty(emulator.Connections);
        await using var client = await WireClient.ConnectAsync(emulator, Paths.GeminiEphemeral, query: null,
            configure: o => o.SetRequestHeader("Authorization", "Token " + token));
        Assert.Equal("setupComplete", (await client.SetupAsync()).Kind);
    }

    [Fact]
    public async Task An_empty_request_gets_the_services_defaults()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = Clock });

        var (_, body) = await PostAsync(emulator, "test-key", "{}");

        Assert.Equal(1, body.GetProperty("uses").GetInt32());
        Assert.Equal("2026-11-25T12:30:00.000Z", body.GetProperty("expireTime").GetString());
        Assert.Equal("2026-11-25T12:01:00.000Z", body.GetProperty("newSessionExpireTime").GetString());
    }

    [Theory]
    [InlineData(null, "{}", HttpStatusCode.Forbidden)]
    [InlineData("wrong-key", "{}", HttpStatusCode.BadRequest)]
    [InlineData("test-key", "not json", HttpStatusCode.BadRequest)]
    [InlineData("test-key", """{"uses":-1}""", HttpStatusCode.BadRequest)]
    [InlineData("test-key", """{"expireTime":"2026-11-26T09:00:00Z"}""", HttpStatusCode.BadRequest)]
    [InlineData("test-key", """{"newSessionExpireTime":"tomorrow"}""", HttpStatusCode.BadRequest)]
    public async Task A_bad_key_or_request_is_refused_with_a_google_style_error(string? key, string json, HttpStatusCode expected)
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = Clock });

        var (status, body) = await PostAsync(emulator, key, json);

        Assert.Equal(expected, status);
        Assert.Equal((int)expected, body.GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_granted_access_token_opens_the_Vertex_AI_path_until_it_expires_or_is_revoked()
    {
        var time = new FakeTimeProvider(Clock.GetUtcNow());
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = time });
        emulator.AccessTokens.Grant("ya29.granted", time.GetUtcNow().AddMinutes(5));
        emulator.AccessTokens.Grant("ya29.revoked");
        emulator.AccessTokens.Revoke("ya29.revoked");

        await using (var client = await ConnectVertexAsync(emulator, "ya29.granted"))
        {
            Assert.Equal("setupComplete", (await client.SetupAsync(Paths.VertexModel)).Kind);
        }

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Contains("401", (await Assert.ThrowsAsync<WebSocketException>(() => ConnectVertexAsync(emulator, "ya29.granted"))).Message, StringComparison.Ordinal);
        Assert.Contains("401", (await Assert.ThrowsAsync<WebSocketException>(() => ConnectVertexAsync(emulator, "ya29.revoked"))).Message, StringComparison.Ordinal);
        Assert.Equal("Request had invalid authentication credentials. The access token has expired.", (await (await emulator.WaitForConnectionAsync(2)).Ended).Reason);
    }

    private static Task<WireClient> ConnectVertexAsync(LiveEmulator emulator, string token) =>
        WireClient.ConnectAsync(emulator, Paths.VertexV1Beta1, query: null, configure: o => o.SetRequestHeader("Authorization", "Bearer " + token));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(LiveEmulator emulator, string? key, string json)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post,
            new Uri(emulator.BaseAddress.ToString().Replace("ws://", "http://", StringComparison.Ordinal) + "v1alpha/auth_tokens"))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("x-goog-api-key", key);
        }

        using var response = await http.SendAsync(request);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, document.RootElement.Clone());
    }
}
