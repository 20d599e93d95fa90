using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Auth;

/// <summary>
/// A call longer than any one ephemeral token: the session asks the application's provider for a token before every
/// connection (docs/live-api.md 1.2), so a reconnect after the first token expired still gets in.
/// </summary>
public sealed class TokenProviderTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly List<string> _minted = [];

    protected override LiveEmulatorOptions EmulatorOptions => base.EmulatorOptions with { Time = _clock };

    [Fact]
    public void A_reconnect_after_the_first_token_expired_presents_a_new_one_and_the_call_goes_on()
    {
        var minter = new EphemeralTokenClient(new HttpClient(), "test-key", Emulator.BaseAddress, _clock);
        var (session, events) = StartSession(Options with
        {
            ApiKey = null,
            TokenProvider = async ct => Minted((await minter.CreateAsync(new EphemeralTokenRequest { ExpireTime = _clock.GetUtcNow().AddMinutes(5) }, ct)).Name),
        });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("before the token expires")));
        NextEvent<TurnCompleted>(events);

        _clock.Advance(TimeSpan.FromMinutes(6)); // the first token is dead: a reconnect with it would be refused 401
        Emulator.Connections[0].Drop();
        Assert.True(NextEvent<Reconnected>(events).Resumed);
        session.Tell(new Send(ClientContent.UserText("after it expired")));
        NextEvent<TurnCompleted>(events);

        Assert.Equal(2, _minted.Count);
        Assert.NotEqual(_minted[0], _minted[1]);
        // The emulator refuses an expired token at the upgrade (401): the second connection got in with the second token.
        Assert.All(Emulator.Connections, c => Assert.EndsWith("BidiGenerateContentConstrained", c.Path, StringComparison.Ordinal));
    }

    [Fact]
    public void What_is_not_a_token_gives_up_at_once_without_showing_what_the_provider_gave()
    {
        var (_, events) = StartSession(Options with { ApiKey = null, TokenProvider = _ => Task.FromResult("AIzaNotAToken1234567890") });

        var failed = Assert.IsType<AuthenticationFailed>(NextEvent<GaveUp>(events).Error);

        Assert.False(failed.IsRetryable);
        Assert.Contains("auth_tokens/", failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AIzaNotAToken", failed.ToString(), StringComparison.Ordinal);
        Assert.Empty(Emulator.Connections);
    }

    [Fact]
    public void A_provider_that_throws_is_an_authentication_failure_named_by_its_exception()
    {
        var (_, events) = StartSession(Options with { ApiKey = null, TokenProvider = _ => throw new InvalidOperationException("backend says no: secret-123") });

        var failed = Assert.IsType<AuthenticationFailed>(NextEvent<GaveUp>(events).Error);

        Assert.Contains(nameof(InvalidOperationException), failed.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-123", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_options_show_only_that_a_provider_is_given_and_refuse_it_for_Vertex_AI()
    {
        var options = new LiveConnectionOptions { Model = "gemini-3.8-live", TokenProvider = _ => Task.FromResult("auth_tokens/secret") };

        Assert.Contains("TokenProvider = (given)", options.ToString(), StringComparison.Ordinal);
        Assert.Empty(options.Validate());
        var vertex = options with { AuthStrategy = AuthStrategy.VertexAi, ProjectId = "my-project" };
        Assert.Contains(vertex.Validate(), e => e.ToString().Contains("TokenProvider", StringComparison.Ordinal));
    }

    private string Minted(string token)
    {
        lock (_minted)
        {
            _minted.Add(token);
        }

        return token;
    }
}
