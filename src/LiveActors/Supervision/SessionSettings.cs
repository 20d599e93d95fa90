using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Inbox;
using LiveActors.Supervision.Reconnection;
using LiveActors.Supervision.Turns;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;

namespace LiveActors.Supervision;

/// <summary>
/// What a session is made of, settled before any actor starts: its options, checked, and its credentials, resolved
/// (either wrong throws <see cref="LiveConnectionException"/> from <see cref="Resolve"/>); where it logs, who hears it
/// from the start, how it passivates, what it keeps, and the clock its idle time is measured on. <see cref="Build"/>
/// makes the rules of one session actor from them.
/// </summary>
internal sealed class SessionSettings
{
    private SessionSettings(
        ResolvedCredentials credentials, ILoggerFactory? loggerFactory, IActorRef? subscriber, Passivation? passivation, Durability? durability, ITimeProvider? clock)
    {
        Credentials = credentials;
        LoggerFactory = loggerFactory;
        Subscriber = subscriber;
        Passivation = passivation;
        Durability = durability;
        Clock = clock;
    }

    /// <summary>The session's options, checked.</summary>
    public LiveConnectionOptions Options => Credentials.Options;

    /// <summary>The credentials the options and the environment gave: the headers each upgrade carries, and where they came from.</summary>
    public ResolvedCredentials Credentials { get; }

    /// <summary>Where logs go; null: Akka's log.</summary>
    public ILoggerFactory? LoggerFactory { get; }

    /// <summary>An actor subscribed from the start; null for none.</summary>
    public IActorRef? Subscriber { get; }

    /// <summary>How a region's session passivates; null for a session no region manages.</summary>
    public Passivation? Passivation { get; }

    /// <summary>Where a durable session keeps what must outlive its process; null for one that keeps nothing.</summary>
    public Durability? Durability { get; }

    /// <summary>The clock idle time is measured on; null: the actor system's scheduler.</summary>
    public ITimeProvider? Clock { get; }

    /// <summary>
    /// The settings of a session with <paramref name="options"/>, its credentials read from them and from
    /// <paramref name="environment"/>. Invalid options, or missing credentials, throw <see cref="LiveConnectionException"/>.
    /// </summary>
    public static SessionSettings Resolve(
        LiveConnectionOptions options, LiveEnvironment environment, ILoggerFactory? loggerFactory = null, IActorRef? subscriber = null,
        Passivation? passivation = null, Durability? durability = null, ITimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        return new SessionSettings(CredentialResolver.Resolve(options, environment), loggerFactory, subscriber, passivation, durability, clock);
    }

    /// <summary>
    /// The rules of one session actor, new for each, whose parent is <paramref name="region"/>: logging to
    /// <see cref="LoggerFactory"/> or else <paramref name="fallbackLoggers"/> (where it authenticates from and which model
    /// rules it follows are logged now), idle time on <see cref="Clock"/> or else <paramref name="scheduler"/>. A durable
    /// session resumes with the handle its keeper recovered, else with the options' stored one.
    /// </summary>
    public SessionParts Build(ILoggerFactory fallbackLoggers, ITimeProvider scheduler, IActorRef region)
    {
        var options = Options;
        var loggers = LoggerFactory ?? fallbackLoggers;
        var logger = loggers.CreateLogger<ConnectionSupervisor>();
        var rules = new ModelRules(options);
        Log.Authenticating(logger, options.AuthStrategy, Credentials.Source);
        Log.ModelRules(logger, options.Model, rules.Profile.Name,
            options.ModelProfile is not null ? "the model-profile option" : options.ModelFamily == ModelFamily.Auto ? "its name" : "the model-family option");
        if (!rules.Profile.Known)
        {
            Log.UnknownModel(logger, options.Model);
        }

        var telemetry = new SessionTelemetry(options);
        var invoker = TransportInvoker.For(options.Transport, options.Timeout);
        var reconnect = new ReconnectPolicy(options.Retry, maxResumesPerHandle: options.SessionResumption.MaxResumesPerHandle);
        var resumption = new Resumption(options.SessionResumption.Enabled, Durability?.Recovered?.Handle ?? options.SessionResumption.Handle);
        var idle = new IdleWatch(Passivation);
        var clock = Clock ?? scheduler;
        var traffic = new SessionTraffic(options, rules, resumption, idle, telemetry, clock, logger, Durability);
        var subscribers = new Subscribers(Subscriber, keepBacklog: Durability is not null); // a recovered session speaks before anyone could subscribe
        return new SessionParts(logger, loggers.CreateLogger("LiveActors.Transport.ConnectionActor"), clock, invoker)
        {
            Rules = rules,
            Telemetry = telemetry,
            Attempts = new AttemptPlanner(options, Credentials.Headers, rules, invoker.Invoker, telemetry.Tags),
            Reconnect = reconnect,
            Resumption = resumption,
            Idle = idle,
            Traffic = traffic,
            Endings = new SessionEndings(options, resumption, traffic, logger),
            Subscribers = subscribers,
            Users = new UserRequests(options.ReceiveTimeout, traffic, subscribers, reconnect, resumption),
            Region = new RegionReports(region, idle, options.SessionResumption.Enabled, traffic.Effects, logger),
            Connections = new ConnectionLifecycle(reconnect, idle, traffic, telemetry, logger),
            Performer = new EffectsPerformer(subscribers, Durability?.Keeper),
            Recovered = Durability?.Recovered,
        };
    }
}

/// <summary>The rules one session actor is built from (see <see cref="SessionSettings.Build"/>), and what they share.</summary>
/// <param name="Logger">The session's logger.</param>
/// <param name="ConnectionLogger">The logger of its connection actors.</param>
/// <param name="Clock">The clock its idle time is measured on.</param>
/// <param name="Invoker">The HTTP invoker its sockets share; the actor disposes of it when it stops.</param>
internal sealed record SessionParts(ILogger Logger, ILogger ConnectionLogger, ITimeProvider Clock, InvokerLease Invoker)
{
    /// <summary>The model's rules.</summary>
    public required ModelRules Rules { get; init; }

    /// <summary>What it records beside its logs.</summary>
    public required SessionTelemetry Telemetry { get; init; }

    /// <summary>What each connection attempt needs.</summary>
    public required AttemptPlanner Attempts { get; init; }

    /// <summary>When it retries, and the counts its status reports.</summary>
    public required ReconnectPolicy Reconnect { get; init; }

    /// <summary>The handle it resumes with.</summary>
    public required Resumption Resumption { get; init; }

    /// <summary>When it passivates.</summary>
    public required IdleWatch Idle { get; init; }

    /// <summary>What passes through it.</summary>
    public required SessionTraffic Traffic { get; init; }

    /// <summary>What an ending leaves.</summary>
    public required SessionEndings Endings { get; init; }

    /// <summary>Who hears its events.</summary>
    public required Subscribers Subscribers { get; init; }

    /// <summary>What it answers its users.</summary>
    public required UserRequests Users { get; init; }

    /// <summary>What its region and its keeper hear about its life.</summary>
    public required RegionReports Region { get; init; }

    /// <summary>What a connection's start and end mean to it.</summary>
    public required ConnectionLifecycle Connections { get; init; }

    /// <summary>Performs what its rules decide.</summary>
    public required EffectsPerformer Performer { get; init; }

    /// <summary>What its keeper recovered of a session a stopped process left open; null for none.</summary>
    public RecoveredSession? Recovered { get; init; }
}
