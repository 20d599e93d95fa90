using System.Text.Json;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Auth;

/// <summary>A backend mints ephemeral tokens over HTTP from the emulator; a client connects with one.</summary>
public sealed class EphemeralTokenTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly RecordingHandler _recorder = new();

    protected override LiveEmulatorOptions EmulatorOptions => base.EmulatorOptions with { Time = _clock };

    [Fact]
    public async Task A_minted_token_opens_a_session_on_the_constrained_endpoint()
    {
        var token = await Minter().CreateAsync();

        var (session, events) = StartSession(Options with { ApiKey = token.Name });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("hello from a browser")));
        NextEvent<TurnCompleted>(events);

        Assert.StartsWith("auth_tokens/", token.Name, StringComparison.Ordinal);
        Assert.Equal(_clock.GetUtcNow().AddMinutes(30), token.ExpireTime);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(60), token.NewSessionExpireTime);
        Assert.Equal(1, token.Uses);
        var connection = Assert.Single(Emulator.Connections);
        Assert.EndsWith("GenerativeService.BidiGenerateContentConstrained", connection.Path, StringComparison.Ordinal);
        Assert.False(connection.Headers.ContainsKey("x-goog-api-key"));
    }

    [Fact]
    public async Task The_request_carries_the_key_in_a_header_and_the_limits_as_the_Live_API_notes_show()
    {
        var request = new EphemeralTokenRequest
        {
            Uses = 3,
            ExpireTime = _clock.GetUtcNow().AddMinutes(10),
            NewSessionExpireTime = _clock.GetUtcNow().AddMinutes(2),
            LockedSetup = new Setup { Model = "gemini-live-2.5-flash-preview", SystemInstruction = Content.FromText("Answer in English.", role: null) },
            LockedFields = ["generationConfig.temperature", "generationConfig.topK"],
        };

        var token = await Minter().CreateAsync(request);

        var (uri, headers, body) = Assert.Single(_recorder.Requests);
        Assert.Equal(new Uri(Emulator.BaseAddress.ToString().Replace("ws://", "http://", StringComparison.Ordinal) + "v1alpha/auth_tokens"), uri);
        Assert.DoesNotContain("key=", uri.Query, StringComparison.Ordinal);
        Assert.Equal("test-key", headers["x-goog-api-key"]);
        JsonAssert.Equivalent("""
            {"uses":3,"expireTime":"2026-11-25T12:10:00.000Z","newSessionExpireTime":"2026-11-25T12:02:00.000Z",
             "bidiGenerateContentSetup":{"model":"models/gemini-live-2.5-flash-preview","systemInstruction":{"parts":[{"text":"Answer in English."}]}},
             "fieldMask":"generationConfig.temperature,generationConfig.topK"}
            """, System.Text.Encoding.UTF8.GetBytes(body));
        Assert.Equal(3, token.Uses);
        Assert.Equal(request.ExpireTime, token.ExpireTime);
    }

    [Fact]
    public async Task A_one_use_token_starts_one_session_and_the_second_is_refused()
    {
        var token = await Minter().CreateAsync(new EphemeralTokenRequest { Uses = 1 });
        var (first, events) = StartSession(Options with { ApiKey = token.Name });
        NextEvent<Connected>(events);
        first.Tell(Close.Instance);
        ExpectMsg<Closed>(Patience);

        var (_, second) = StartSession(Options with { ApiKey = token.Name, SessionResumption = new() { Enabled = false } });

        var gaveUp = NextEvent<GaveUp>(second);
        Assert.Contains("no uses left", gaveUp.Error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_token_is_refused_at_the_upgrade_with_a_non_retryable_error()
    {
        var token = await Minter().CreateAsync(new EphemeralTokenRequest { ExpireTime = _clock.GetUtcNow().AddMinutes(5) });
        _clock.Advance(TimeSpan.FromMinutes(6));

        var (_, events) = StartSession(Options with { ApiKey = token.Name });

        var refused = Assert.IsType<UpgradeFailed>(NextEvent<GaveUp>(events).Error);
        Assert.Equal(401, refused.Status);
    }

    [Fact]
    public async Task A_wrong_api_key_is_a_typed_error_that_does_not_repeat_the_key()
    {
        var minter = new EphemeralTokenClient(new HttpClient(_recorder), "AIzaWrongKey123", Emulator.BaseAddress, _clock);

        var error = await Assert.ThrowsAsync<LiveConnectionException>(() => minter.CreateAsync());

        var failed = Assert.IsType<AuthenticationFailed>(error.Error);
        Assert.Equal(400, failed.Status);
        Assert.False(failed.IsRetryable);
        Assert.Contains("API key not valid", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AIzaWrongKey123", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(1, 60 * 21)]
    [InlineData(1, -1)]
    public async Task Limits_the_service_would_refuse_fail_before_any_request(int uses, int expireInMinutes)
    {
        var request = new EphemeralTokenRequest { Uses = uses, ExpireTime = _clock.GetUtcNow().AddMinutes(expireInMinutes) };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Minter().CreateAsync(request));

        Assert.Empty(_recorder.Requests);
    }

    [Fact]
    public void An_ephemeral_token_cannot_mint_tokens_and_never_shows_in_ToString()
    {
        Assert.Throws<ArgumentException>(() => new EphemeralTokenClient(new HttpClient(), "auth_tokens/abc"));
        Assert.DoesNotContain("secret-part", new EphemeralToken("auth_tokens/secret-part").ToString(), StringComparison.Ordinal);
    }

    private EphemeralTokenClient Minter() => new(new HttpClient(_recorder), "test-key", Emulator.BaseAddress, _clock);

    /// <summary>Sends for real and keeps what was sent, so a test can read the request the emulator got.</summary>
    private sealed class RecordingHandler() : DelegatingHandler(new SocketsHttpHandler())
    {
        public List<(Uri Uri, Dictionary<string, string> Headers, string Body)> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
            Requests.Add((request.RequestUri!, request.Headers.ToDictionary(h => h.Key, h => string.Join(",", h.Value)), body));
            return await base.SendAsync(request, cancellationToken);
        }
    }
}
