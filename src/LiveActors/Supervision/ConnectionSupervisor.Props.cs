using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Dispatch;
using LiveActors.Supervision.Inbox;
using LiveActors.Supervision.Reconnection;
using LiveActors.Supervision.Turns;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;

namespace LiveActors.Supervision;

// How a session starts and what it leaves behind: its props and Start, which check the options and resolve the
// credentials before any actor does; its constructor, which builds its rules from them; and its life-cycle hooks.
public sealed partial class ConnectionSupervisor
{
    private readonly LiveConnectionOptions _options;
    private readonly string _credentialSource;
    private readonly InvokerLease _invoker;
    private readonly ILogger _logger;
    private readonly ILogger _connectionLogger;
    private readonly ModelRules _rules;
    private readonly AttemptPlanner _attempts;
    private readonly ReconnectPolicy _reconnect;
    private readonly Resumption _resumption;
    private readonly SessionTraffic _traffic;
    private readonly SessionEndings _endings;
    private readonly Subscribers _subscribers;
    private readonly IdleWatch _idle;
    private readonly SessionTelemetry _telemetry;
    private readonly Durability? _durability;
    private int _incarnation;

    private ConnectionSupervisor(
        ResolvedCredentials credentials, ILoggerFactory? loggerFactory, IActorRef? subscriber, Passivation? passivation = null, Durability? durability = null)
    {
        loggerFactory ??= AkkaLoggerFactory.For(Context.System); // no factory given: the library logs where Akka logs
        var options = _options = credentials.Options;
        _durability = durability;
        _credentialSource = credentials.Source;
        _logger = loggerFactory.CreateLogger<ConnectionSupervisor>();
        _connectionLogger = loggerFactory.CreateLogger("LiveActors.Transport.ConnectionActor");
        _rules = new ModelRules(options);
        _telemetry = new SessionTelemetry(options);
        _invoker = TransportInvoker.For(options.Transport, options.Timeout);
        _attempts = new AttemptPlanner(options, credentials.Headers, _rules, _invoker.Invoker, _telemetry.Tags);
        _reconnect = new ReconnectPolicy(options.Retry);
        // a stored handle: the first connection resumes that conversation; a recovered one is newer
        _resumption = new Resumption(options.SessionResumption.Enabled, durability?.Recovered?.Handle ?? options.SessionResumption.Handle);
        _idle = new IdleWatch(passivation);
        _traffic = new SessionTraffic(options, _rules, _resumption, _idle, _telemetry, Context.System.Scheduler, _logger, durability);
        _endings = new SessionEndings(options.SessionResumption, _resumption, _traffic, _logger);
        _subscribers = new Subscribers(subscriber, keepBacklog: durability is not null); // a recovered session speaks before anyone could subscribe
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        foreach (var subscriber in _subscribers.All)
        {
            Context.Watch(subscriber);
        }

        Log.Authenticating(_logger, _options.AuthStrategy, _credentialSource);
        Log.ModelRules(_logger, _options.Model, _rules.Family, _options.ModelFamily == ModelFamily.Auto ? "its name" : "the model-family option");
        if (_durability?.Recovered is { } recovered)
        {
            Perform(_endings.Recover(recovered));
        }

        StartAttempt();
    }

    /// <inheritdoc />
    protected override void PostStop() => _invoker.Dispose();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <inheritdoc />
    protected override bool Receive(object message) => false; // never used: PreStart becomes Connecting

    /// <summary>
    /// The props of a session with <paramref name="options"/>. Invalid options, or missing credentials, throw
    /// <see cref="LiveConnectionException"/> here, before any actor starts.
    /// </summary>
    /// <param name="options">The session's options.</param>
    /// <param name="loggerFactory">Where logs go; Akka's log by default.</param>
    public static Props Props(LiveConnectionOptions options, ILoggerFactory? loggerFactory = null) =>
        Props(options, loggerFactory, LiveEnvironment.Process, subscriber: null);

    /// <summary>
    /// The props of a session that <paramref name="subscriber"/> is subscribed to from its start, so it sees every
    /// event, <see cref="Live.Connected"/> included (a <see cref="Subscribe"/> sent after creating the actor can arrive
    /// after a fast first connect). Invalid options, or missing credentials, throw <see cref="LiveConnectionException"/> here.
    /// </summary>
    /// <param name="options">The session's options.</param>
    /// <param name="subscriber">The actor that gets every event; it is watched and can unsubscribe like any other.</param>
    /// <param name="loggerFactory">Where logs go; Akka's log by default.</param>
    public static Props Props(LiveConnectionOptions options, IActorRef subscriber, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return Props(options, loggerFactory, LiveEnvironment.Process, subscriber);
    }

    /// <summary>
    /// Starts a session in <paramref name="system"/> (an actor system, or an actor's context for a child session) and
    /// returns the ref to hold for its whole life; <paramref name="subscriber"/>, when given, sees every event from the
    /// first. Unlike <c>ActorOf(Props(...))</c>, which runs the session on the default dispatcher and mailbox, the
    /// session runs on LiveActors' session dispatcher, with a mailbox that holds four slots while idle (both added to
    /// the actor system on first use): once the socket's receive loop has nothing more to read, it hands the session
    /// what it has read on its own thread rather than through the thread pool, one hand-off fewer per burst (the order
    /// of messages, and what the session guarantees, are the same either way).
    /// Invalid options, or missing credentials, throw <see cref="LiveConnectionException"/> here, before any actor starts.
    /// </summary>
    /// <param name="system">Where the session starts: an <see cref="ActorSystem"/>, or an actor's <c>Context</c>.</param>
    /// <param name="options">The session's options.</param>
    /// <param name="subscriber">An actor that gets every event; none by default.</param>
    /// <param name="loggerFactory">Where logs go; Akka's log by default.</param>
    /// <param name="name">The actor's name; a generated one by default.</param>
    public static IActorRef Start(
        IActorRefFactory system, LiveConnectionOptions options, IActorRef? subscriber = null, ILoggerFactory? loggerFactory = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        var props = SessionDispatcher.On(system, Props(options, loggerFactory, LiveEnvironment.Process, subscriber));
        return name is null ? system.ActorOf(props) : system.ActorOf(props, name);
    }

    /// <summary>Props reading environment variables from <paramref name="environment"/> instead of the process.</summary>
    internal static Props Props(
        LiveConnectionOptions options, ILoggerFactory? loggerFactory, LiveEnvironment environment, IActorRef? subscriber = null, Passivation? passivation = null,
        Durability? durability = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.ThrowIfInvalid();
        var credentials = CredentialResolver.Resolve(options, environment);
        return ActorFactory<ConnectionSupervisor>.Props(() => new ConnectionSupervisor(credentials, loggerFactory, subscriber, passivation, durability));
    }
}
