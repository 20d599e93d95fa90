using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using LiveActors.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision;

/// <summary>What a session is built from, checked before any actor starts, and the rules built from it: no actor system.</summary>
public sealed class SessionSettingsTests
{
    [Fact]
    public void Invalid_options_and_missing_credentials_are_refused_before_any_actor_starts()
    {
        var invalid = SessionRules.Options() with { Retry = new RetryOptions { Attempts = -1 } };
        var noKey = SessionRules.Options() with { ApiKey = null };

        Assert.IsType<InvalidOption>(Assert.Throws<LiveConnectionException>(() => SessionSettings.Resolve(invalid, TestEnvironment.Empty)).Error);
        Assert.IsType<NoApiKey>(Assert.Throws<LiveConnectionException>(() => SessionSettings.Resolve(noKey, TestEnvironment.Empty)).Error);
    }

    [Fact]
    public void Credentials_come_from_the_environment_when_the_options_have_none()
    {
        var settings = SessionSettings.Resolve(SessionRules.Options() with { ApiKey = null }, TestEnvironment.With(("GEMINI_API_KEY", "from-env")));

        Assert.Equal("gemini-2.5-flash", settings.Options.Model);
        Assert.Contains("GEMINI_API_KEY", settings.Credentials.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_durable_session_resumes_with_the_handle_its_keeper_recovered_rather_than_the_stored_one()
    {
        var options = SessionRules.Options(SessionRules.Handles with { Handle = "stored" });
        var recovered = new RecoveredSession(Handle: "recovered", LastSequence: 0, Unconfirmed: [], HandleTooOld: false);

        var durable = Build(SessionSettings.Resolve(options, TestEnvironment.Empty, durability: new Durability(ActorRefs.Nobody, recovered)));
        var plain = Build(SessionSettings.Resolve(options, TestEnvironment.Empty));

        Assert.Equal("recovered", durable.Resumption.Handle);
        Assert.Equal("stored", plain.Resumption.Handle);
    }

    [Fact]
    public void Idle_time_is_measured_on_the_clock_given_else_on_the_scheduler()
    {
        var given = new StillClock(DateTimeOffset.UnixEpoch);
        var passivation = new Passivation(TimeSpan.FromMinutes(1));

        var parts = Build(SessionSettings.Resolve(SessionRules.Options(), TestEnvironment.Empty, passivation: passivation, clock: given));
        parts.Traffic.Accept(new Send(ClientContent.UserText("hi")), ActorRefs.Nobody, socket: null); // activity, at the given clock's time

        Assert.Same(given, parts.Clock);
        Assert.Equal(TimeSpan.Zero, parts.Idle.IdleFor(given.MonotonicClock));
        Assert.Same(SessionRules.Clock, Build(SessionSettings.Resolve(SessionRules.Options(), TestEnvironment.Empty)).Clock);
    }

    [Fact]
    public void The_subscriber_from_the_start_is_subscribed_and_a_durable_session_keeps_its_first_events_for_a_later_one()
    {
        var first = new NamedRef("first");
        var recovered = new RecoveredSession(Handle: null, LastSequence: 0, Unconfirmed: [], HandleTooOld: false);

        var subscribed = Build(SessionSettings.Resolve(SessionRules.Options(), TestEnvironment.Empty, subscriber: first));
        var durable = Build(SessionSettings.Resolve(SessionRules.Options(), TestEnvironment.Empty, durability: new Durability(ActorRefs.Nobody, recovered)));
        durable.Subscribers.Publish(Closed.Instance);

        Assert.Equal([first], subscribed.Subscribers.All);
        Assert.Equal([Closed.Instance], durable.Subscribers.TakeBacklog());
    }

    private static SessionParts Build(SessionSettings settings) => settings.Build(NullLoggerFactory.Instance, SessionRules.Clock, ActorRefs.Nobody);
}
