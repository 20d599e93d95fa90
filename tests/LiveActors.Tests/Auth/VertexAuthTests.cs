using System.Net;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Auth;

/// <summary>
/// Vertex AI end to end, offline: a service-account key made here, Google.Apis.Auth signing the JWT grant, a loopback
/// fake OAuth server checking it and issuing tokens, and the emulator's Vertex AI path accepting only those tokens.
/// </summary>
public sealed class VertexAuthTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private FakeOAuthServer _oauth = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _oauth = await FakeOAuthServer.StartAsync(Emulator);
    }

    public override async Task DisposeAsync()
    {
        await _oauth.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task A_service_account_file_makes_the_JWT_grant_and_its_bearer_token_opens_a_Vertex_AI_session()
    {
        using var key = _oauth.CreateKey("file-project");
        var (session, events) = StartSession(VertexOptions() with { CredentialsFile = key.WriteFile() });

        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("hello vertex")));
        NextEvent<TurnCompleted>(events);

        Assert.Equal(1, _oauth.Requests);
        Assert.Single(_oauth.IssuedTokens);
        var connection = Assert.Single(Emulator.Connections);
        Assert.Contains("LlmBidiService/BidiGenerateContent", connection.Path, StringComparison.Ordinal);
        Assert.Equal("(redacted)", connection.Headers["authorization"]);
        var setup = System.Text.Json.JsonDocument.Parse(connection.Messages[0].Json).RootElement.GetProperty("setup");
        Assert.Equal("projects/file-project/locations/us-central1/publishers/google/models/gemini-2.5-flash",
            setup.GetProperty("model").GetString());
    }

    [Fact]
    public async Task A_token_that_expires_is_refreshed_before_the_reconnect_and_never_presented_again()
    {
        using var key = _oauth.CreateKey();
        _oauth.TokenLifetime = TimeSpan.FromSeconds(60); // inside Google's refresh window: stale as soon as it is issued
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1)));
        var (session, events) = StartSession(VertexOptions() with { Credential = VertexCredentials.FromJson(key.Json) });
        NextEvent<Connected>(events);
        var first = Assert.Single(_oauth.IssuedTokens);
        Emulator.AccessTokens.Revoke(first); // the first token's time is up: presenting it again would be refused with 401

        session.Tell(new Send(ClientContent.UserText("one")));

        Assert.True(NextEvent<Disconnected>(events).WillRetry);
        NextEvent<Reconnected>(events);
        Assert.Equal(2, _oauth.Requests);
        Assert.NotEqual(first, _oauth.IssuedTokens.Last());
        Assert.Equal(2, (await Emulator.WaitForConnectionAsync(2)).Number);
        Assert.Equal(2, Emulator.Connections.Count);
    }

    [Fact]
    public void A_token_that_is_still_fresh_is_reused_across_a_reconnect()
    {
        using var key = _oauth.CreateKey();
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1)));
        var (session, events) = StartSession(VertexOptions() with { Credential = VertexCredentials.FromJson(key.Json) });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("one")));

        NextEvent<Reconnected>(events);
        Assert.Equal(1, _oauth.Requests);
    }

    [Fact]
    public void A_refusing_token_endpoint_is_a_typed_non_retryable_error_that_carries_no_secret()
    {
        using var key = _oauth.CreateKey();
        _oauth.Failure = (HttpStatusCode.BadRequest, "invalid_grant", "Invalid JWT Signature.");
        var (_, events) = StartSession(VertexOptions() with { Credential = VertexCredentials.FromJson(key.Json) });

        var error = Assert.IsType<AuthenticationFailed>(NextEvent<GaveUp>(events).Error);

        Assert.Equal(400, error.Status);
        Assert.False(error.IsRetryable);
        Assert.Contains("invalid_grant: Invalid JWT Signature.", error.Message, StringComparison.Ordinal);
        Assert.Empty(Emulator.Connections);
        var assertion = Assert.Single(_oauth.Assertions);
        foreach (var text in new[] { error.Message, error.ToString(), error.Reason })
        {
            Assert.DoesNotContain(assertion, text, StringComparison.Ordinal);
            Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_token_endpoint_that_fails_for_a_while_is_retried_and_the_session_opens_once_it_recovers()
    {
        using var key = _oauth.CreateKey();
        // Google's HTTP client retries a 5xx twice itself (1 s, then 2 s) before the session sees it; then ours retries.
        _oauth.Failure = (HttpStatusCode.InternalServerError, "internal_failure", "Try again.");
        var (_, events) = StartSession(VertexOptions() with { Credential = VertexCredentials.FromJson(key.Json) });

        var disconnected = NextEvent<Disconnected>(events, within: TimeSpan.FromSeconds(30));
        _oauth.Failure = null;

        Assert.True(disconnected.WillRetry);
        Assert.Equal(500, Assert.IsType<AuthenticationFailed>(disconnected.Error).Status);
        NextEvent<Connected>(events);
    }

    [Fact]
    public void An_unreachable_token_endpoint_is_a_retryable_authentication_failure()
    {
        using var key = new ServiceAccountKey(new Uri("http://127.0.0.1:1/token"));
        var options = VertexOptions() with { Credential = VertexCredentials.FromJson(key.Json), Retry = Options.Retry with { Attempts = 1 } };
        var (_, events) = StartSession(options);

        var gaveUp = Assert.IsType<MaxRetriesExceeded>(NextEvent<GaveUp>(events).Error);

        var last = Assert.IsType<AuthenticationFailed>(gaveUp.LastError);
        Assert.True(last.IsRetryable);
        Assert.Contains("could not be reached", last.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_raw_access_token_is_presented_as_it_is()
    {
        Emulator.AccessTokens.Grant("raw-vertex-token");
        var (_, events) = StartSession(VertexOptions() with { ProjectId = "p", Credential = VertexCredentials.FromAccessToken("raw-vertex-token") });

        NextEvent<Connected>(events);
        Assert.Equal(0, _oauth.Requests);
    }

    private LiveConnectionOptions VertexOptions() => Options with
    {
        AuthStrategy = AuthStrategy.VertexAi,
        ApiKey = null,
        ProjectId = null,
        Location = "us-central1",
    };
}
