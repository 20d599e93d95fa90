using System.Diagnostics;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Endpoints;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Actors;

/// <summary>
/// A Live API session: the actor users hold, the same for the session's whole life however many sockets come and go.
/// It creates a <c>ConnectionActor</c> per connection attempt, watches it, and reconnects after retryable errors with
/// exponential backoff; it owns what must outlive a socket: the outbound queue, the inbox, the subscribers, the
/// resumption handle and the status.
/// </summary>
/// <remarks>
/// <para>Talk to it with the messages in <see cref="Live"/>: <see cref="Send"/>, <see cref="Receive"/>,
/// <see cref="ReceiveAll"/>, <see cref="Close"/>, <see cref="GetStatus"/>, <see cref="Subscribe"/> and
/// <see cref="Unsubscribe"/>. Subscribers get every <see cref="Live.Event"/>.</para>
/// <para>Retries: failed attempt n waits <c>min(max-delay, delay * backoff^(n-1))</c>, at most <c>retry.attempts</c>
/// times in a row, then the session gives up with <see cref="MaxRetriesExceeded"/>; a non-retryable error gives up at
/// once. A connection that stayed up for <c>retry.reset-after</c> resets the count, and its drop is retried at once.</para>
/// <para>The end: after <see cref="Live.Closed"/> or <see cref="Live.GaveUp"/> it has answered everyone waiting, and it
/// stops itself (watchers see <see cref="Terminated"/>), as Akka.IO's connection actors do.</para>
/// </remarks>
public sealed class ConnectionSupervisor : ActorBase, IWithTimers
{
    private const string RetryTimer = "retry";
    private const string HealthyTimer = "healthy";
    private const string HandoverTimer = "handover";
    private const string IdleTimer = "idle";

    private readonly LiveConnectionOptions _options;
    private readonly IHeaderSource _credentials;
    private readonly string _credentialSource;
    private readonly SocketSettings _socket;
    private readonly InvokerLease _invoker;
    private readonly ILogger _logger;
    private readonly ILogger _connectionLogger;
    private readonly Subscribers _subscribers;
    private readonly PullInbox _inbox;
    private readonly OutboundLedger _outbound;
    private readonly ReplyTracker _replies;
    private readonly ModelRules _rules;
    private readonly Passivation? _passivation;
    private readonly Durability? _durability;
    private long _doneThrough;
    private TimeSpan _idleFor; // while passivating: how long the session had been idle
    private TimeSpan _lastActivity;
    private readonly HashSet<long> _askedAgain = [];
    private readonly ToolCallBook _calls = new();
    private TimeSpan _handoverLeft;
    private bool _handoverExtended;
    private readonly List<IActorRef> _closeRequesters = [];
    private readonly List<Live.Event> _events = new(4);
    private IActorRef? _connection;
    private SocketWriter? _writer; // the connection's socket, from SocketReady until ConnectionEnded: Sends go onto it from here
    private ConnectionStatus _status = ConnectionStatus.Connecting;
    private ConnectionError? _lastError;
    private string? _handle;
    private bool _resuming;
    private bool _readyOnThisConnection;
    private int _handshakeMessages = 1;
    private bool _historyUnproven;
    private int _replayed;
    private bool _healthy;
    private bool _draining;
    private readonly SessionTelemetry _telemetry;
    private int _attempt;
    private int _connections;
    private int _incarnation;
    private long _sequence;

    private ConnectionSupervisor(
        ResolvedCredentials credentials, ILoggerFactory? loggerFactory, IActorRef? subscriber, Passivation? passivation = null, Durability? durability = null)
    {
        loggerFactory ??= AkkaLoggerFactory.For(Context.System); // no factory given: the library logs where Akka logs
        _passivation = passivation;
        _durability = durability;
        _subscribers = new Subscribers(subscriber, keepBacklog: durability is not null); // a recovered session speaks before anyone could subscribe
        var options = credentials.Options;
        _options = options;
        _inbox = new PullInbox(options.InboxCapacity, options.InboxMaxBytes);
        _handle = options.SessionResumption.Handle; // a stored handle: the first connection resumes that conversation
        _credentials = credentials.Headers;
        _credentialSource = credentials.Source;
        _outbound = new OutboundLedger(
            options.OutboundQueue,
            options.SessionResumption switch
            {
                { Enabled: false } => DeliveryTracking.Written,
                { Transparent: true } => DeliveryTracking.Transparent,
                _ => DeliveryTracking.Handle,
            },
            options.SessionResumption.UncertainMessages);
        _replies = new ReplyTracker(
            automaticActivityDetection: options.Setup?.RealtimeInputConfig?.AutomaticActivityDetection?.Disabled != true,
            toolCallsBlock: options.Setup?.Tools?.SelectMany(t => t.FunctionDeclarations ?? []).Any(f => f.Behavior == "NON_BLOCKING") != true);
        _rules = new ModelRules(options);
        _replies.IdleEndsInteraction = _rules.IdleEndsInteraction;
        if (durability is not null)
        {
            if (durability.Recovered is { } recovered)
            {
                _sequence = recovered.LastSequence;
                _doneThrough = recovered.Unconfirmed.Count > 0 ? recovered.Unconfirmed[0].Sequence - 1 : recovered.LastSequence;
                _handle = recovered.Handle ?? _handle;
            }
        }
        _telemetry = new SessionTelemetry(options);
        _logger = loggerFactory.CreateLogger<ConnectionSupervisor>();
        _connectionLogger = loggerFactory.CreateLogger("LiveActors.Actors.ConnectionActor");
        _invoker = TransportInvoker.For(options.Transport, options.Timeout);
        _socket = new SocketSettings(
            LiveEndpoints.For(options),
            options.KeepAliveInterval,
            options.KeepAliveTimeout,
            options.MaxInboundMessageSize,
            options.OutboundQueue.MaxMessages)
        {
            Invoker = _invoker.Invoker,
            TelemetryTags = _telemetry.Tags,
            HttpVersion = options.Transport.HttpVersion,
            ReceiveBufferSize = options.Transport.ReceiveBufferSize,
            DrainTimeout = options.CloseTimeout,
        };
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

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
            Recover(recovered);
        }
        StartAttempt();
    }

    /// <inheritdoc />
    protected override void PostStop() => _invoker.Dispose();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <inheritdoc />
    protected override bool Receive(object message) => Connecting(message);

    private bool Connecting(object message)
    {
        switch (message)
        {
            case Send send:
                Accept(send, onSocket: false);
                return true;
            case SocketReady ready:
                OnReady(ready);
                return true;
            case ConnectionEnded ended:
                OnEnded(ended);
                return true;
            case Close:
                BeginClose();
                return true;
            default:
                return Common(message);
        }
    }

    private bool Connected(object message)
    {
        switch (message)
        {
            case Send send:
                Accept(send, onSocket: true);
                return true;
            case ConnectionEnded ended:
                OnEnded(ended);
                return true;
            case Close:
                BeginClose();
                return true;
            case Healthy:
                _healthy = true;
                _attempt = 0;
                return true;
            case IdleNow:
                PassivateIfIdleFor(_passivation?.After ?? TimeSpan.Zero);
                return true;
            case PassivateIfIdle:
                PassivateIfIdleFor(TimeSpan.Zero);
                return true;
            case DrainForShutdown:
                BeginDrain();
                PassivateIfIdleFor(TimeSpan.Zero);
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>The socket closes because the session was idle; a Send meanwhile waits, and wakes it once the socket is gone.</summary>
    private bool Passivating(object message)
    {
        switch (message)
        {
            case Send send:
                Accept(send, onSocket: false);
                return true;
            case ConnectionEnded ended:
                OnPassivated(ended);
                return true;
            case Close:
                _closeRequesters.Add(Sender);
                _status = ConnectionStatus.Closing;
                Become(Closing); // the socket is closing already; its end finishes the close
                return true;
            default:
                return Common(message);
        }
    }

    private void OnPassivated(ConnectionEnded ended)
    {
        _connection = null;
        _writer = null;
        SettleOutbound(ended, ended.Error ?? new ConnectionFailed("the connection was closed to passivate the session."));
        if (_outbound.PendingCount > 0)
        {
            Wake(); // sent while the socket closed: straight to a new connection
            return;
        }

        _status = ConnectionStatus.Passivated;
        Log.Passivated(_logger, _idleFor);
        Context.Parent.Tell(SessionPassivated.Instance);
        Publish(new Live.Passivated(_idleFor));
        Become(Passivated);
        if (_draining)
        {
            Context.Parent.Tell(SessionDrained.Instance);
        }
    }

    /// <summary>Idle with its socket closed and its handle kept: the next Send resumes the conversation on a new connection.</summary>
    private bool Passivated(object message)
    {
        switch (message)
        {
            case Send send:
                Accept(send, onSocket: false);
                Wake();
                return true;
            case Close:
                _closeRequesters.Add(Sender);
                FinishClose();
                return true;
            case DrainForShutdown:
                Context.Parent.Tell(SessionDrained.Instance);
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>
    /// goAway arrived: new sends wait for the next connection, and the socket is closed as soon as the server has
    /// confirmed everything written on it (or when half the time left is gone), then the session resumes elsewhere.
    /// </summary>
    private bool HandingOver(object message)
    {
        switch (message)
        {
            case Send send:
                // The answer to a pending call goes on this connection, which knows the call; everything else waits for the next.
                Accept(send, onSocket: send.Message is ToolResponse response && _calls.AnswersPending(response));
                return true;
            case HandOverNow when _calls.AnyPending && !_handoverExtended:
                // A pending call would be lost with this connection: give its response until nearly the end of timeLeft.
                _handoverExtended = true;
                Timers.StartSingleTimer(HandoverTimer, HandOverNow.Instance, _handoverLeft * 0.4);
                return true;
            case HandOverNow:
                HandOver();
                return true;
            case ConnectionEnded ended:
                OnEnded(ended);
                return true;
            case Close:
                Timers.Cancel(HandoverTimer);
                BeginClose();
                return true;
            default:
                return Common(message);
        }
    }

    private bool Reconnecting(object message)
    {
        switch (message)
        {
            case Send send:
                Accept(send, onSocket: false);
                return true;
            case RetryNow:
                StartAttempt();
                return true;
            case Close:
                _closeRequesters.Add(Sender);
                FinishClose();
                return true;
            default:
                return Common(message);
        }
    }

    private bool Closing(object message)
    {
        switch (message)
        {
            case Send:
                Sender.Tell(new Status.Failure(new LiveConnectionException(SessionClosed.Instance)));
                return true;
            case ConnectionEnded ended:
                _connection = null;
                _writer = null;
                if (ended.Error is null)
                {
                    _outbound.ClosedGracefully(ended.LastWritten);
                }

                SettleOutbound(ended, ended.Error ?? SessionClosed.Instance);
                FinishClose();
                return true;
            case Close:
                _closeRequesters.Add(Sender);
                return true;
            default:
                return Common(message);
        }
    }

    /// <summary>What every state answers the same way.</summary>
    private bool Common(object message)
    {
        switch (message)
        {
            case InboundMessage inbound:
                OnInbound(inbound);
                return true;
            case InboundMalformed malformed:
                OnMalformed(malformed);
                return true;
            case Written written:
                OnWritten(written.Sequence);
                return true;
            case Live.Receive receive:
                OnReceive(receive);
                return true;
            case ReceiveAll:
                Sender.Tell(new ReceivedMessages(_inbox.TakeAll()));
                return true;
            case ReceiveTimedOut timedOut:
                _inbox.GiveUpWaiting(timedOut.Id)?.Tell(new Status.Failure(new LiveConnectionException(new ConnectionError.ReceiveTimeout(timedOut.Timeout))));
                return true;
            case GetStatus:
                Sender.Tell(new StatusReport(_status, _attempt, _lastError, _handle is not null, _connections)
                {
                    PendingMessages = _outbound.PendingCount,
                    PendingBytes = _outbound.PendingBytes,
                    UnconfirmedMessages = _outbound.UnconfirmedCount,
                });
                return true;
            case Subscribe subscribe:
                OnSubscribe(subscribe);
                return true;
            case Unsubscribe unsubscribe:
                if (_subscribers.Remove(unsubscribe.Subscriber))
                {
                    Context.Unwatch(unsubscribe.Subscriber);
                }

                Sender.Tell(new Unsubscribed(unsubscribe.Subscriber));
                return true;
            case Terminated terminated:
                if (terminated.ActorRef.Equals(_connection))
                {
                    Self.Tell(new ConnectionEnded(new ConnectionFailed("the connection actor stopped unexpectedly."), -1, null));
                }

                _subscribers.Remove(terminated.ActorRef);
                return true;
            case Healthy or HandOverNow or IdleNow or PassivateIfIdle:
                return true;
            case DrainForShutdown:
                BeginDrain(); // connecting, handing over, passivating: passivates once connected and quiet
                return true;
            default:
                return false;
        }
    }

    private void OnSubscribe(Subscribe subscribe)
    {
        if (_subscribers.Add(subscribe.Subscriber))
        {
            Context.Watch(subscribe.Subscriber);
        }

        Sender.Tell(new Subscribed(subscribe.Subscriber));
        _subscribers.HandBacklogTo(subscribe.Subscriber);
    }

    /// <summary>From now on the session passivates as soon as nothing is in flight; one that cannot resume has nothing to keep.</summary>
    private void BeginDrain()
    {
        _draining = true;
        if (!_options.SessionResumption.Enabled)
        {
            Context.Parent.Tell(SessionDrained.Instance);
        }
    }

    private void StartAttempt()
    {
        _status = _connections == 0 ? ConnectionStatus.Connecting : ConnectionStatus.Reconnecting;
        _healthy = false;
        _readyOnThisConnection = false;
        _resuming = _options.SessionResumption.Enabled && _handle is not null;
        var setup = SetupFor(_handle);
        var plan = new ConnectionPlan(_socket, _credentials, _resuming ? setup : _rules.WithHistoryConfig(setup), _options.Timeout, _options.CloseTimeout, _attempt + 1)
        {
            History = _resuming ? null : _rules.History, // a resumed session has it already
        };
        _handshakeMessages = plan.HandshakeMessages;
        _historyUnproven = plan.History is not null;
        _connection = Context.ActorOf(SessionDispatcher.On(Context, ConnectionActor.Props(plan, _connectionLogger)), $"connection-{++_incarnation}");
        Context.Watch(_connection);
        Become(Connecting);
    }

    private Setup SetupFor(string? handle)
    {
        var setup = _options.Setup ?? new Setup();
        if (string.IsNullOrEmpty(setup.Model))
        {
            setup = setup with { Model = ModelNames.For(_options) };
        }

        return _options.SessionResumption.Enabled
            ? setup with
            {
                SessionResumption = (setup.SessionResumption ?? new SessionResumptionConfig()) with
                {
                    Handle = handle,
                    Transparent = _options.SessionResumption.Transparent ? true : setup.SessionResumption?.Transparent,
                },
            }
            : setup;
    }

    private void OnReady(SocketReady ready)
    {
        _status = ConnectionStatus.Connected;
        _lastError = null;
        _connections++;
        _readyOnThisConnection = true;
        Timers.StartSingleTimer(HealthyTimer, Healthy.Instance, _options.Retry.ResetAfter);
        Touch();
        if (_passivation?.After is { } after)
        {
            Timers.StartSingleTimer(IdleTimer, IdleNow.Instance, after);
        }

        Publish(_connections == 1
            ? new Live.Connected(ready.SessionId) { Resumed = _resuming }
            : new Reconnected(_resuming, ready.SessionId) { ReplayedMessages = _replayed });
        _replayed = 0;
        _replies.StartConnection();
        _writer = ready.Writer;
        foreach (var message in _outbound.StartConnection(_handshakeMessages))
        {
            Handed(message);
            Write(message);
        }

        Become(Connected);
    }

    private void OnEnded(ConnectionEnded ended)
    {
        _telemetry.ConnectionEnded(Stopwatch.GetTimestamp());
        Timers.Cancel(HealthyTimer);
        Timers.Cancel(HandoverTimer);
        _connection = null;
        _writer = null;
        if (ended.Error is null && _status == ConnectionStatus.HandingOver)
        {
            var handedOver = new ConnectionFailed("the connection was handed over after goAway.");
            ReportCutReply(handedOver);
            LosePendingCalls();
            SettleOutbound(ended, handedOver);
            Log.HandedOver(_logger);
            _attempt = 0;
            StartAttempt();
            return;
        }

        var error = ended.Error ?? new ConnectionFailed("the connection closed.");
        _lastError = error;
        ReportCutReply(error);
        LosePendingCalls();
        SettleOutbound(ended, error);
        Log.Disconnected(_logger, error.Code, error.Message);

        if (_resuming && !_readyOnThisConnection && error is ServerClosed { CloseCode: 1007 or 1008, IsRetryable: false })
        {
            // PROTOCOL.md: a stale or refused handle is closed with 1008; start a fresh session, once (no handle, no loop).
            _handle = null;
            Log.ResumptionRefused(_logger, error.Code, error.Message);
            Publish(new ResumptionRefused(error));
            StartAttempt();
            return;
        }

        if (!error.IsRetryable)
        {
            GiveUp(error);
            return;
        }

        if (_healthy)
        {
            _attempt = 0;
            Publish(new Disconnected(error, WillRetry: true, TimeSpan.Zero));
            SessionTelemetry.RetryScheduled();
            StartAttempt();
            return;
        }

        _attempt++;
        if (_attempt > _options.Retry.Attempts)
        {
            GiveUp(new MaxRetriesExceeded(_attempt, error));
            return;
        }

        var delay = RetrySchedule.Delay(_options.Retry, _attempt);
        Log.Retrying(_logger, delay, _attempt, _options.Retry.Attempts, error.Code);
        SessionTelemetry.RetryScheduled();
        _status = ConnectionStatus.Reconnecting;
        // The timer first: whoever sees Disconnected (a test on a virtual clock too) may count on the retry being due.
        Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, delay);
        Publish(new Disconnected(error, WillRetry: true, delay));
        Become(Reconnecting);
    }

    /// <summary>
    /// After a socket ended: messages that may or may not have reached the server are reported to their senders; the
    /// rest (and, with transparent resumption, everything the server had not consumed) goes back to the front of the
    /// queue, in order, for the next connection.
    /// </summary>
    private void SettleOutbound(ConnectionEnded ended, ConnectionError error)
    {
        var settlement = _outbound.ConnectionEnded(ended.LastWritten, ended.InFlight, m => _calls.LostIn(m.Message).Count > 0);
        _replayed += settlement.Replayed;
        foreach (var message in settlement.Uncertain)
        {
            Fail(message, new DeliveryUncertain(error));
        }

        for (var i = settlement.Excluded.Count - 1; i >= 0; i--)
        {
            var message = settlement.Excluded[i];
            if (AsText((ToolResponse)message.Message) is { } text)
            {
                _outbound.QueueFirst(message with { Message = text, Size = ClientMessageSize.Of(text) });
            }
            else
            {
                Fail(message, new ToolCallLost(_calls.LostIn(message.Message)));
            }
        }

        ReportDone();
    }

    /// <summary>Written messages past the outbound limits, let go without evidence: reported, never taken as delivered.</summary>
    private void ReportLetGo()
    {
        var any = false;
        foreach (var letGo in _outbound.TakeLetGo())
        {
            any = true;
            Fail(letGo, new DeliveryUncertain(new BufferFull(_outbound.UnconfirmedCount, _outbound.UnconfirmedBytes)));
        }

        if (any)
        {
            ReportDone();
        }
    }

    /// <summary>
    /// The connection ended with tool calls pending: the resumed session will not know them (the server issues no
    /// handle while calls are pending), so they are reported cancelled, and a response to them is never sent as one.
    /// Calls answered on this connection are lost too, for an answer still held (not confirmed) must not go again.
    /// </summary>
    private void LosePendingCalls()
    {
        if (_calls.ConnectionEnded() is not { Count: > 0 } pending)
        {
            return;
        }

        var cancellation = new ToolCallCancellation { Ids = pending };
        Publish(new ToolCallCancelled(new ServerMessage { ToolCallCancellation = cancellation }, cancellation) { ByConnection = true });
    }


    /// <summary>With lost-tool-results = as-text, the results as a user turn the model can still use (in the form it takes); else null.</summary>
    private ClientMessage? AsText(ToolResponse response)
    {
        if (_options.SessionResumption.LostToolResults != LostToolResults.AsText)
        {
            return null;
        }

        var lines = (response.FunctionResponses ?? []).Select(r =>
            $"The result of {r.Name ?? (r.Id is { } id ? _calls.NameOfLost(id) : null) ?? "a tool"}, called before the connection was lost: " +
            (r.Response?.GetRawText() ?? "{}"));
        return _rules.UserText(string.Join(Environment.NewLine, lines));
    }

    /// <summary>
    /// A connection ended while a reply streamed: the server will not continue it, so subscribers hear which turn it
    /// answered, and (ask-again-after-cut-reply, with resumption) the turn goes again first on the next connection, once.
    /// </summary>
    private void ReportCutReply(ConnectionError cause)
    {
        if (!_replies.InProgress)
        {
            return;
        }

        var turn = _replies.Current;
        // Never a toolResponse: the resumed session would not know its call.
        var askAgain = turn is { Message: not ToolResponse } && _options.SessionResumption is { Enabled: true, AskAgainAfterCutReply: true }
            && _askedAgain.Add(turn.Sequence);
        if (askAgain && !_outbound.ResendIfHeld(turn!.Sequence))
        {
            var again = turn with { Sequence = ++_sequence, Sender = ActorRefs.Nobody };
            _askedAgain.Add(again.Sequence);
            _outbound.QueueFirst(again); // confirmed already: the session's own copy, ahead of anything queued
        }

        Log.ReplyCut(_logger, _replies.CurrentSequence ?? -1, askAgain);
        Publish(new ReplyCut(_replies.CurrentSequence, turn?.Correlation, cause) { AskedAgain = askAgain });
    }

    private void Accept(Send send, bool onSocket)
    {
        if (_rules.WireForm(send.Message, out var unsupported) is not { } wire)
        {
            Log.SendRefused(_logger, unsupported!.Code, unsupported.What);
            Sender.Tell(new Status.Failure(new LiveConnectionException(unsupported)));
            return;
        }

        send = ReferenceEquals(wire, send.Message) ? send : send with { Message = wire };
        if (send.Message is ToolResponse response)
        {
            var lost = _calls.LostIn(response);
            if (lost.Count > 0 && AsText(response) is { } text)
            {
                send = send with { Message = text };
            }
            else if (lost.Count > 0)
            {
                Sender.Tell(new Status.Failure(new LiveConnectionException(new ToolCallLost(lost))));
                return;
            }
            else
            {
                _calls.Answered(response);
            }
        }

        var size = ClientMessageSize.Of(send.Message);
        if (_outbound.Refusal(size) is { } full)
        {
            Sender.Tell(new Status.Failure(new LiveConnectionException(full)));
            return;
        }

        Touch();
        var message = new OutboundMessage(++_sequence, send.Message, Sender, size, send.Correlation);
        if (!Sender.IsNobody())
        {
            Sender.Tell(new SendAccepted(message.Sequence, send.Correlation)); // told without a sender: no dead letter per Send
        }
        _durability?.Keeper.Tell(new DurableAccepted(message.Sequence, message.Message, message.Correlation));
        if (onSocket)
        {
            _outbound.Hand(message);
            Handed(message);
            Write(message);
        }
        else
        {
            _outbound.Queue(message);
        }
    }

    /// <summary>A message went to the connection: a candidate cause of the next reply, and the time that reply is measured from.</summary>
    private void Handed(OutboundMessage message)
    {
        _replies.Handed(message);
        _telemetry.Handed(message.Message, Stopwatch.GetTimestamp());
    }

    /// <summary>
    /// Puts a handed message onto the socket from this actor's thread (no hand-off: the socket takes it at once, or it
    /// queues behind a write that waits). Written now, it counts as written at once; queued, it is reported by
    /// <see cref="Written"/> (or settled by <see cref="ConnectionEnded"/>); refused (the socket's queue is full, or it is
    /// closing), that one message is forgotten and its sender told.
    /// </summary>
    private void Write(OutboundMessage message)
    {
        switch (_writer!.Write(message))
        {
            case SocketWriter.Outcome.Written:
                OnWritten(message.Sequence);
                break;
            case SocketWriter.Outcome.Refused:
                _outbound.Rejected(message);
                _replies.Rejected(message);
                Fail(message, _status == ConnectionStatus.Closing
                    ? SessionClosed.Instance
                    : new BufferFull(_outbound.PendingCount, _outbound.PendingBytes));
                break;
        }
    }

    private void OnWritten(long sequence)
    {
        _outbound.Written(sequence);
        ReportLetGo();
        ReportDone();
        HandOverIfConfirmed();
    }

    private void OnGoAway(GoAway goAway)
    {
        Log.GoAway(_logger, goAway.TimeLeft);
        if (_status != ConnectionStatus.Connected || !_options.SessionResumption.Enabled || _handle is null)
        {
            return; // nothing to resume with: the server's close is handled like any other drop
        }

        _status = ConnectionStatus.HandingOver;
        var timeLeft = goAway.TimeLeft ?? TimeSpan.FromSeconds(2);
        _handoverLeft = timeLeft;
        _handoverExtended = false;
        Timers.StartSingleTimer(HandoverTimer, HandOverNow.Instance, timeLeft / 2);
        Become(HandingOver);
        HandOverIfConfirmed();
    }

    private void HandOverIfConfirmed()
    {
        // What waits for the next connection does not count; a pending tool call does, as it would be lost, and so does
        // a reply still streaming (up to the end of its interaction: IDLE on models that report it), which would be cut.
        if (_status == ConnectionStatus.HandingOver && _outbound.OnConnection == 0 && !_calls.AnyPending && !_replies.InProgress)
        {
            HandOver();
        }
    }

    private void HandOver()
    {
        Timers.Cancel(HandoverTimer);
        if (_connection is not null && _status == ConnectionStatus.HandingOver)
        {
            _connection.Tell(CloseSocket.Instance);
        }
    }

    private void Fail(OutboundMessage message, ConnectionError error)
    {
        Log.SendFailed(_logger, message.Sequence, error.Code);
        var failed = new SendFailed(message.Sequence, error, message.Correlation);
        message.Sender.Tell(failed);
        Publish(failed, except: [message.Sender]); // an Ask's sender is gone by now: someone listening must hear it
    }

    private void OnInbound(InboundMessage inbound)
    {
        var message = inbound.Message;
        foreach (var odd in _telemetry.FirstSeen(inbound.OddMembers))
        {
            Log.OddMember(_logger, odd);
        }

        foreach (var call in message.ToolCall?.FunctionCalls ?? [])
        {
            if (call.Id is { } id)
            {
                _calls.Called(id, call.Name);
            }
        }

        foreach (var id in message.ToolCallCancellation?.Ids ?? [])
        {
            _calls.Cancelled(id);
        }

        if (message.ReportedInteractionStatus is not null)
        {
            _replies.IdleEndsInteraction = true; // the model reports it: from now on only IDLE ends an interaction
        }

        _telemetry.ServerSent(message, ReplyEvidence.EndsInteraction(message, _replies.IdleEndsInteraction), Stopwatch.GetTimestamp());
        if (_replies.ServerSent(message) is { } proven)
        {
            _outbound.Proven(proven); // evidence first: a handle in the same message covers it
            ReportLetGo();
        }

        if (_passivation is not null && ReplyEvidence.IsReply(message))
        {
            Touch();
        }

        if (_historyUnproven && (ReplyEvidence.IsReply(message) || message.ServerContent?.InputTranscription is not null
            || message.SessionResumptionUpdate?.LastConsumedClientMessageIndex >= 1))
        {
            _historyUnproven = false; // the server answered something written after the history: it has the history
        }

        // A handle issued before the server took the initial history would resume a session without it: it is not kept,
        // so a drop then starts a new server session, which gets the history again.
        if (!_historyUnproven && message.SessionResumptionUpdate is { Resumable: true, NewHandle: { Length: > 0 } handle } update)
        {
            _handle = handle; // an update without a handle, or not resumable, never erases a good one
            _durability?.Keeper.Tell(new DurableHandle(handle, Context.System.Scheduler.Now));
            _outbound.HandleReceived();
            if (update.LastConsumedClientMessageIndex is { } consumed)
            {
                _outbound.Consumed(consumed); // the index speaks for the state behind this handle, so only with one
            }
        }

        var arrival = _inbox.Arrived(inbound);
        if (arrival.TakenBy is { } waiting)
        {
            Timers.Cancel(ReceiveTimerKey(waiting.Id));
            waiting.Receiver.Tell(message);
        }

        SessionTelemetry.InboxDropped(arrival.Dropped);
        if (arrival.OverflowBegan)
        {
            Log.InboxOverflow(_logger, _options.InboxCapacity, _options.InboxMaxBytes);
        }

        if (message.SessionResumptionUpdate is not null)
        {
            ReportDone(); // only a handle releases what the ledger holds here: not worth a look at every chunk
        }

        ServerEvents.AddTo(_events, message, _replies.IdleEndsInteraction);
        foreach (var @event in _events)
        {
            Publish(@event);
        }

        _events.Clear();

        if (message.GoAway is { } goAway)
        {
            OnGoAway(goAway);
        }
        else
        {
            HandOverIfConfirmed();
        }

        if (_draining && _status == ConnectionStatus.Connected)
        {
            PassivateIfIdleFor(TimeSpan.Zero); // the process stops: passivate the moment a handle covers everything
        }
    }

    private void OnMalformed(InboundMalformed malformed)
    {
        Log.MalformedFrame(_logger, malformed.Error.Detail);
        Publish(new MalformedFrameReceived(malformed.Error));
    }

    private void OnReceive(Live.Receive receive)
    {
        if (_inbox.TryTake(out var kept))
        {
            Sender.Tell(kept);
            return;
        }

        var waiting = _inbox.Wait(Sender);
        var timeout = receive.Timeout ?? _options.ReceiveTimeout;
        Timers.StartSingleTimer(ReceiveTimerKey(waiting.Id), new ReceiveTimedOut(waiting.Id, timeout), timeout);
    }

    /// <summary>
    /// A process stopped with this session open, and this one took it over: the messages the server had not shown it had
    /// are replayed or reported by the uncertain-messages rule of a reconnect, and a handle too old to resume with is said.
    /// </summary>
    private void Recover(RecoveredSession recovered)
    {
        Log.Recovered(_logger, recovered.Handle is not null, recovered.Unconfirmed.Count);
        if (recovered.HandleTooOld)
        {
            Publish(new ResumptionRefused(new ConnectionFailed("the stored resumption handle is older than the service keeps a session; a new session starts.")));
        }

        var stopped = new ConnectionFailed("the process stopped before the server showed it had the message.");
        foreach (var held in recovered.Unconfirmed)
        {
            var message = new OutboundMessage(held.Sequence, held.Message, ActorRefs.Nobody, ClientMessageSize.Of(held.Message), held.Correlation);
            var resend = _options.SessionResumption.UncertainMessages switch
            {
                UncertainDelivery.ResendAll => true,
                UncertainDelivery.ResendRealtimeAudio => held.Message is RealtimeInput { Audio: not null },
                _ => false,
            };
            if (resend && _handle is not null)
            {
                _outbound.Queue(message);
            }
            else
            {
                Fail(message, new DeliveryUncertain(stopped));
            }
        }

        ReportDone();
    }

    /// <summary>Tells the keeper how far every message is done (confirmed, or reported), when that moved.</summary>
    private void ReportDone()
    {
        if (_durability is null)
        {
            return;
        }

        var doneThrough = (_outbound.LowestHeld ?? _sequence + 1) - 1;
        if (doneThrough > _doneThrough)
        {
            _doneThrough = doneThrough;
            _durability.Keeper.Tell(new DurableDoneThrough(doneThrough));
        }
    }

    /// <summary>A region's session is over: its keeper drops its state, and its region sends what comes next to a new session.</summary>
    private void EndForRegion(IReadOnlyList<IActorRef> closeRequesters, ConnectionError? gaveUpWith = null)
    {
        _durability?.Keeper.Tell(DurableEnded.Instance);
        if (_passivation is not null)
        {
            Context.Parent.Tell(new SessionEnding(closeRequesters, gaveUpWith));
        }
    }

    /// <summary>Notes activity for passivation: a send accepted, a reply streaming, a connection ready.</summary>
    private void Touch()
    {
        if (_passivation is not null)
        {
            _lastActivity = Context.System.Scheduler.MonotonicClock;
        }
    }

    /// <summary>
    /// Passivates when nothing was sent or streamed for <paramref name="atLeast"/>, nothing waits to be confirmed, no reply
    /// streams, no tool call is pending, and a resumable handle can bring the conversation back; else the idle timer
    /// waits for the rest of the idle time.
    /// </summary>
    private void PassivateIfIdleFor(TimeSpan atLeast)
    {
        var idleFor = Context.System.Scheduler.MonotonicClock - _lastActivity;
        var quiet = _outbound.IsEmpty && !_calls.AnyPending && !_replies.InProgress;
        if (_passivation is not null && quiet && idleFor >= atLeast && _handle is not null && _options.SessionResumption.Enabled)
        {
            Timers.Cancel(IdleTimer);
            Timers.Cancel(HealthyTimer);
            _connection?.Tell(CloseSocket.Instance);
            _idleFor = idleFor;
            Become(Passivating);
            return;
        }

        if (_passivation?.After is { } after)
        {
            Timers.StartSingleTimer(IdleTimer, IdleNow.Instance, idleFor >= after ? after : after - idleFor);
        }
    }

    /// <summary>A Send came for a passivated session: resume the conversation on a new connection.</summary>
    private void Wake()
    {
        Log.Woke(_logger);
        Context.Parent.Tell(SessionWoke.Instance);
        _attempt = 0;
        StartAttempt();
    }

    private void BeginClose()
    {
        Log.Closing(_logger);
        _closeRequesters.Add(Sender);
        _status = ConnectionStatus.Closing;
        Timers.Cancel(HealthyTimer);
        _connection?.Tell(CloseSocket.Instance);
        Become(Closing);
    }

    private void FinishClose()
    {
        Timers.Cancel(RetryTimer);
        End(SessionClosed.Instance);
        if (_passivation is null)
        {
            _closeRequesters.ForEach(requester => requester.Tell(Live.Closed.Instance));
        }

        Publish(Live.Closed.Instance, except: _closeRequesters); // one Closed each: a requester that subscribes has its reply
        Log.Closed(_logger);
        EndForRegion([.. _closeRequesters]); // a region's session: the region answers the requesters
        _closeRequesters.Clear();
        Context.Stop(Self);
    }

    private void GiveUp(ConnectionError error)
    {
        Log.GaveUp(_logger, error.Code, error.Message);
        End(error);
        // The last Disconnected is about the last connection attempt, so it carries that attempt's own error.
        Publish(new Disconnected(error is MaxRetriesExceeded retries ? retries.LastError : error, WillRetry: false, null));
        Publish(new GaveUp(error));
        EndForRegion([], error);
        Context.Stop(Self);
    }

    /// <summary>
    /// The session is over: queued and unconfirmed messages and waiting receivers hear why, before the caller publishes
    /// the last event and stops the actor (as Akka.IO's connection actors stop once closed: watchers see Terminated, and
    /// an app that starts sessions per call leaks none).
    /// </summary>
    private void End(ConnectionError error)
    {
        _status = ConnectionStatus.Closed;
        foreach (var message in _outbound.TakeAll())
        {
            Fail(message, error);
        }

        foreach (var (id, receiver) in _inbox.TakeWaiting())
        {
            Timers.Cancel(ReceiveTimerKey(id));
            receiver.Tell(new Status.Failure(new LiveConnectionException(error)));
        }
    }

    private void Publish(Live.Event @event, IReadOnlyCollection<IActorRef>? except = null) => _subscribers.Publish(@event, except);

    private static string ReceiveTimerKey(long id) => $"receive-{id}";

    private sealed record RetryNow
    {
        public static readonly RetryNow Instance = new();
    }

    private sealed record HandOverNow
    {
        public static readonly HandOverNow Instance = new();
    }

    private sealed record Healthy
    {
        public static readonly Healthy Instance = new();
    }

    private sealed record IdleNow
    {
        public static readonly IdleNow Instance = new();
    }

    private sealed record ReceiveTimedOut(long Id, TimeSpan Timeout);
}
