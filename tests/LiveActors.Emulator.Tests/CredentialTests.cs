using System.Net;
using System.Net.Http.Headers;
using System.Net.WebSockets;
using LiveActors.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Emulator.Tests;

public sealed class CredentialTests
{
    [Fact]
    public async Task The_api_key_is_accepted_in_the_x_goog_api_key_header()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, query: null, configure: o => o.SetRequestHeader("x-goog-api-key", "test-key"));

        Assert.Equal("setupComplete", (await client.SetupAsync()).Kind);
    }

    [Fact]
    public async Task The_api_key_is_accepted_in_the_key_query_parameter()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, query: "key=test-key");

        Assert.Equal("setupComplete", (await client.SetupAsync()).Kind);
    }

    [Theory]
    [InlineData(Paths.GeminiV1Beta, null, null, HttpStatusCode.Forbidden)]
    [InlineData(Paths.GeminiV1Beta, "x-goog-api-key", "wrong-key", HttpStatusCode.BadRequest)]
    [InlineData(Paths.VertexV1, null, null, HttpStatusCode.Unauthorized)]
    [InlineData(Paths.VertexV1, "Authorization", "Bearer wrong-token", HttpStatusCode.Unauthorized)]
    [InlineData(Paths.VertexV1, "x-goog-api-key", "test-key", HttpStatusCode.Unauthorized)]
    [InlineData(Paths.GeminiEphemeral, null, null, HttpStatusCode.Unauthorized)]
    [InlineData(Paths.GeminiEphemeral, "Authorization", "Token auth_tokens/unknown", HttpStatusCode.Unauthorized)]
    public async Task Missing_or_wrong_credentials_are_refused_at_the_upgrade_with_the_services_status(
        string path, string? header, string? value, HttpStatusCode expected)
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        if (header is not null)
        {
            socket.Options.SetRequestHeader(header, value);
        }

        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(new Uri(emulator.BaseAddress, path), CancellationToken.None));

        Assert.Equal(expected, socket.HttpStatusCode);
        var end = await (await emulator.WaitForConnectionAsync(1)).Ended;
        Assert.Equal(ConnectionEndKind.Rejected, end.Kind);
        Assert.Equal((int)expected, end.CloseCode);
    }

    [Fact]
    public async Task A_refusal_carries_a_google_style_json_error_body()
    {
        await using var emulator = await TestEmulator.StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseAddress.ToString().Replace("ws", "http", StringComparison.Ordinal) + Paths.GeminiV1Beta.TrimStart('/')));
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new ProductHeaderValue("websocket"));
        request.Headers.Add("Sec-WebSocket-Version", "13");
        request.Headers.Add("Sec-WebSocket-Key", Convert.ToBase64String(new byte[16]));
        request.Headers.Add("x-goog-api-key", "wrong-key");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}""",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_bearer_token_opens_the_Vertex_AI_paths()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { BearerToken = "ya29.fresh" });
        await using var client = await WireClient.ConnectAsync(emulator, Paths.VertexV1Beta1, query: null,
            configure: o => o.SetRequestHeader("Authorization", "Bearer ya29.fresh"));

        Assert.Equal("setupComplete", (await client.SetupAsync(Paths.VertexModel)).Kind);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_ephemeral_token_opens_the_constrained_endpoint_in_the_header_or_the_query(bool inHeader)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = emulator.Tokens.Issue();
        await using var client = await WireClient.ConnectAsync(emulator, Paths.GeminiEphemeral,
            query: inHeader ? null : "access_token=" + Uri.EscapeDataString(token),
            configure: o =>
            {
                if (inHeader)
                {
                    o.SetRequestHeader("Authorization", "Token " + token);
                }
            });

        Assert.Equal("setupComplete", (await client.SetupAsync()).Kind);
    }

    [Fact]
    public async Task An_ephemeral_token_with_no_uses_left_cannot_start_another_session()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = emulator.Tokens.Issue(uses: 1);
        await using (var first = await ConnectWithTokenAsync(emulator, token))
        {
            Assert.Equal("setupComplete", (await first.SetupAsync()).Kind);
        }

        await using var second = await ConnectWithTokenAsync(emulator, token);
        var close = await second.SetupAsync();

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal("The ephemeral token has no uses left.", close.CloseReason);
    }

    [Fact]
    public async Task Resuming_a_session_does_not_spend_a_use_of_the_ephemeral_token()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var token = emulator.Tokens.Issue(uses: 1);
        string handle;
        await using (var first = await ConnectWithTokenAsync(emulator, token))
        {
            await first.SetupAsync(sessionResumption: "{}");
            handle = (await first.ReceiveAsync()).Body.GetProperty("newHandle").GetString()!;
        }

        await using var resumed = await ConnectWithTokenAsync(emulator, token);
        Assert.Equal("setupComplete", (await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""")).Kind);
    }

    [Fact]
    public async Task An_expired_ephemeral_token_is_refused_at_the_upgrade()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = time });
        var token = emulator.Tokens.Issue(expiresIn: TimeSpan.FromMinutes(30));
        time.Advance(TimeSpan.FromMinutes(30));

        var error = await Assert.ThrowsAsync<WebSocketException>(() => ConnectWithTokenAsync(emulator, token));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ephemeral_token_past_its_new_session_window_cannot_start_a_session()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = time });
        var token = emulator.Tokens.Issue(newSessionsFor: TimeSpan.FromMinutes(1));
        time.Advance(TimeSpan.FromMinutes(2));
        await using var client = await ConnectWithTokenAsync(emulator, token);

        var close = await client.SetupAsync();

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal("The ephemeral token can no longer start new sessions.", close.CloseReason);
    }

    private static Task<WireClient> ConnectWithTokenAsync(LiveEmulator emulator, string token) =>
        WireClient.ConnectAsync(emulator, Paths.GeminiEphemeral, query: null, configure: o => o.SetRequestHeader("Authorization", "Token " + token));
}
