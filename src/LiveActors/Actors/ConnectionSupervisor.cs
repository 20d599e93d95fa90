using System.Diagnostics;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;
using LiveActors.Models;

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
/// <para>Its states are receive methods, each given the data it needs (the current <see cref="Link"/>, a
/// <see cref="Handover"/>, who asked to close), and the status it reports is the state it is in. Its rules live in plain
/// classes: <see cref="DeliveryDesk"/>, <see cref="ReconnectPolicy"/>, <see cref="Resumption"/>,
/// <see cref="ToolCallPlanner"/>, <see cref="PullInbox"/>, <see cref="Subscribers"/>, <see cref="IdleWatch"/>.</para>
public sealed partial class ConnectionSupervisor : ActorBase, IWithTimers
{
    private const string RetryTimer = "retry";
    private const string HealthyTimer = "healthy";
    private const string HandoverTimer = "handover";
    private const string IdleTimer = "idle";

    private readonly LiveConnectionOptions _options;
    private readonly string _credentialSource;
    private readonly InvokerLease _invoker;
    private readonly ILogger _logger;
    private readonly ILogger _connectionLogger;
    private readonly ModelRules _rules;
    private readonly AttemptPlanner _attempts;
    private readonly ReconnectPolicy _reconnect;
    private readonly Resumption _resumption;
    private readonly DeliveryDesk _desk;
    private readonly ToolCallPlanner _calls;
    private readonly PullInbox _inbox;
    private readonly Subscribers _subscribers;
    private readonly IdleWatch _idle;
    private readonly SessionTelemetry _telemetry;
    private readonly Durability? _durability;
    private readonly List<Live.Event> _events = new(4);
    private int _incarnation;

    private ConnectionSupervisor(
        ResolvedCredentials credentials, ILoggerFactory? loggerFactory, IActorRef? subscriber, Passivation? passivation = null, Durability? durability = null)
    {
        loggerFactory ??= AkkaLoggerFactory.For(Context.System); // no factory given: the library logs where Akka logs
        var options = _options = credentials.Options;
        var recovered = durability?.Recovered;
        _durability = durability;
        _credentialSource = credentials.Source;
        _logger = loggerFactory.CreateLogger<ConnectionSupervisor>();
        _connectionLogger = loggerFactory.CreateLogger("LiveActors.Actors.ConnectionActor");
        _rules = new ModelRules(options);
        _telemetry = new SessionTelemetry(options);
        _invoker = TransportInvoker.For(options.Transport, options.Timeout);
        _attempts = new AttemptPlanner(options, credentials.Headers, _rules, _invoker.Invoker, _telemetry.Tags);
        _reconnect = new ReconnectPolicy(options.Retry);
        // a stored handle: the first connection resumes that conversation; a recovered one is newer
        _resumption = new Resumption(options.SessionResumption.Enabled, recovered?.Handle ?? options.SessionResumption.Handle);
        _desk = new DeliveryDesk(options, _rules.IdleEndsInteraction, recovered);
        _calls = new ToolCallPlanner(_rules, options.SessionResumption.LostToolResults);
        _inbox = new PullInbox(options.InboxCapacity, options.InboxMaxBytes);
        _subscribers = new Subscribers(subscriber, keepBacklog: durability is not null); // a recovered session speaks before anyone could subscribe
        _idle = new IdleWatch(passivation);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Now => Context.System.Scheduler.MonotonicClock;

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
    protected override bool Receive(object message) => false; // never used: PreStart becomes Connecting

    private Akka.Actor.Receive Connecting(Link link) => message =>
    {
        switch (message)
        {
            case Send send: Accept(send, onSocket: null); return true;
            case SocketReady ready: OnReady(link, ready); return true;
            case ConnectionEnded ended: OnDropped(link, ended); return true;
            case Close: BeginClose(link); return true;
            default: return Common(message, _reconnect.Connections == 0 ? ConnectionStatus.Connecting : ConnectionStatus.Reconnecting, link);
        }
    };

    private Akka.Actor.Receive Connected(Link link) => message =>
    {
        switch (message)
        {
            case Send send: Accept(send, onSocket: link); return true;
            case InboundMessage inbound:
                OnInbound(inbound);
                if (inbound.Message.GoAway is { } goAway && _resumption.CanResume)
                {
                    BeginHandover(link, Handover.After(goAway.TimeLeft));
                }
                else if (_idle.Draining)
                {
                    PassivateIfIdleFor(link, TimeSpan.Zero); // the process stops: passivate the moment a handle covers everything
                }

                return true;
            case ConnectionEnded ended: OnDropped(link, ended); return true;
            case Close: BeginClose(link); return true;
            case Healthy:
                _reconnect.Healthy();
                Become(Connected(link with { Healthy = true }));
                return true;
            case IdleNow: PassivateIfIdleFor(link, _idle.After ?? TimeSpan.Zero); return true;
            case PassivateIfIdle: PassivateIfIdleFor(link, TimeSpan.Zero); return true;
            case DrainForShutdown:
                BeginDrain();
                PassivateIfIdleFor(link, TimeSpan.Zero);
                return true;
            default: return Common(message, ConnectionStatus.Connected, link);
        }
    };

    /// <summary>
    /// goAway arrived: new sends wait for the next connection, and the socket is closed as soon as the server has
    /// confirmed everything written on it (or at the handover's deadline), then the session resumes elsewhere.
    /// </summary>
    private Akka.Actor.Receive HandingOver(Link link, Handover handover) => message =>
    {
        switch (message)
        {
            case Send send:
                // The answer to a pending call goes on this connection, which knows the call; everything else waits for the next.
                if (send.Message is ToolResponse response && _calls.AnswersPending(response))
                {
                    Accept(send, onSocket: link);
                    HandOverIfConfirmed(link);
                    return true;
                }

                Accept(send, onSocket: null);
                return true;
            case InboundMessage inbound:
                OnInbound(inbound);
                if (inbound.Message.GoAway is null)
                {
                    HandOverIfConfirmed(link);
                }

                return true;
            case Written written:
                OnWritten(written.Sequence);
                HandOverIfConfirmed(link);
                return true;
            case HandOverNow when handover.ExtensionFor(_calls.AnyPending) is { } extension:
                // A pending call would be lost with this connection: its response gets until nearly the end of the time left.
                Timers.StartSingleTimer(HandoverTimer, HandOverNow.Instance, extension);
                Become(HandingOver(link, handover with { Extended = true }));
                return true;
            case HandOverNow: HandOver(link); return true;
            case ConnectionEnded { Error: null } ended: OnHandedOver(ended); return true;
            case ConnectionEnded ended: OnDropped(link, ended); return true;
            case Close:
                Timers.Cancel(HandoverTimer);
                BeginClose(link);
                return true;
            default: return Common(message, ConnectionStatus.HandingOver, link);
        }
    };

    /// <summary>The socket closes because the session was idle; a Send meanwhile waits, and wakes it once the socket is gone.</summary>
    private Akka.Actor.Receive Passivating(Link link, TimeSpan idleFor) => message =>
    {
        switch (message)
        {
            case Send send: Accept(send, onSocket: null); return true;
            case ConnectionEnded ended: OnPassivated(ended, idleFor); return true;
            case Close: Become(Closing(link, [Sender])); return true; // the socket is closing already; its end finishes the close
            default: return Common(message, ConnectionStatus.Passivated, link); // no longer Connected: a Send waits for the next socket
        }
    };

    /// <summary>Idle with its socket closed and its handle kept: the next Send resumes the conversation on a new connection.</summary>
    private Akka.Actor.Receive Passivated() => message =>
    {
        switch (message)
        {
            case Send send:
                Accept(send, onSocket: null);
                Wake();
                return true;
            case Close: FinishClose([Sender]); return true;
            case DrainForShutdown: Context.Parent.Tell(SessionDrained.Instance); return true;
            default: return Common(message, ConnectionStatus.Passivated, link: null);
        }
    };

    /// <summary>Waiting for the retry timer; sends wait for the next connection.</summary>
    private Akka.Actor.Receive Reconnecting() => message =>
    {
        switch (message)
        {
            case Send send: Accept(send, onSocket: null); return true;
            case RetryNow: StartAttempt(); return true;
            case Close: FinishClose([Sender]); return true;
            default: return Common(message, ConnectionStatus.Reconnecting, link: null);
        }
    };

    /// <summary>The socket closes as <paramref name="requesters"/> asked; its end finishes the close.</summary>
    private Akka.Actor.Receive Closing(Link link, List<IActorRef> requesters) => message =>
    {
        switch (message)
        {
            case Send: Sender.Tell(new Status.Failure(new LiveConnectionException(SessionClosed.Instance))); return true;
            case ConnectionEnded ended:
                if (ended.Error is null)
                {
                    _desk.ClosedGracefully(ended.LastWritten);
                }

                Settle(ended, ended.Error ?? SessionClosed.Instance);
                FinishClose(requesters);
                return true;
            case Close: requesters.Add(Sender); return true;
            default: return Common(message, ConnectionStatus.Closing, link);
        }
    };

    /// <summary>What every state answers the same way; <paramref name="status"/> is the state's, <paramref name="link"/> its connection.</summary>
    private bool Common(object message, ConnectionStatus status, Link? link)
    {
        switch (message)
        {
            case InboundMessage inbound: OnInbound(inbound); return true;
            case InboundMalformed malformed:
                Log.MalformedFrame(_logger, malformed.Error.Detail);
                Publish(new MalformedFrameReceived(malformed.Error));
                return true;
            case Written written: OnWritten(written.Sequence); return true;
            case Live.Receive receive: OnReceive(receive); return true;
            case ReceiveAll: Sender.Tell(new ReceivedMessages(_inbox.TakeAll())); return true;
            case ReceiveTimedOut timedOut:
                _inbox.GiveUpWaiting(timedOut.Id)?.Tell(new Status.Failure(new LiveConnectionException(new ConnectionError.ReceiveTimeout(timedOut.Timeout))));
                return true;
            case GetStatus:
                Sender.Tell(new StatusReport(status, _reconnect.Attempt, _reconnect.LastError, _resumption.Handle is not null, _reconnect.Connections)
                {
                    PendingMessages = _desk.PendingCount,
                    PendingBytes = _desk.PendingBytes,
                    UnconfirmedMessages = _desk.UnconfirmedCount,
                });
                return true;
            case Subscribe subscribe:
                if (_subscribers.Add(subscribe.Subscriber))
                {
                    Context.Watch(subscribe.Subscriber);
                }

                Sender.Tell(new Subscribed(subscribe.Subscriber));
                _subscribers.HandBacklogTo(subscribe.Subscriber);
                return true;
            case Unsubscribe unsubscribe:
                if (_subscribers.Remove(unsubscribe.Subscriber))
                {
                    Context.Unwatch(unsubscribe.Subscriber);
                }

                Sender.Tell(new Unsubscribed(unsubscribe.Subscriber));
                return true;
            case Terminated terminated:
                if (terminated.ActorRef.Equals(link?.Connection))
                {
                    Self.Tell(new ConnectionEnded(new ConnectionFailed("the connection actor stopped unexpectedly."), -1, null));
                }

                _subscribers.Remove(terminated.ActorRef);
                return true;
            case Healthy or HandOverNow or IdleNow or PassivateIfIdle: return true; // a timer or a region's ask that this state outlived
            case DrainForShutdown: BeginDrain(); return true; // connecting, handing over, passivating: passivates once connected and quiet
            default: return false;
        }
    }

    private void StartAttempt()
    {
        var handle = _resumption.CanResume ? _resumption.Handle : null;
        var plan = _attempts.Plan(handle, _reconnect.Attempt + 1);
        _resumption.Attempting(sendsHistory: plan.History is not null);
        var connection = Context.ActorOf(SessionDispatcher.On(Context, ConnectionActor.Props(plan, _connectionLogger)), $"connection-{++_incarnation}");
        Context.Watch(connection);
        Become(Connecting(new Link(connection, Resuming: handle is not null, plan.HandshakeMessages)));
    }

    private void OnReady(Link link, SocketReady ready)
    {
        _reconnect.Connected();
        Timers.StartSingleTimer(HealthyTimer, Healthy.Instance, _reconnect.ResetAfter);
        _idle.Touch(Now);
        if (_idle.After is { } after)
        {
            Timers.StartSingleTimer(IdleTimer, IdleNow.Instance, after);
        }

        var replayed = _desk.TakeReplayed();
        Publish(_reconnect.Connections == 1
            ? new Live.Connected(ready.SessionId) { Resumed = link.Resuming }
            : new Reconnected(link.Resuming, ready.SessionId) { ReplayedMessages = replayed });
        var connected = link with { Writer = ready.Writer };
        foreach (var message in _desk.StartConnection(link.HandshakeMessages))
        {
            HandTo(connected, message);
        }

        Become(Connected(connected));
    }

    private void OnDropped(Link link, ConnectionEnded ended)
    {
        EndConnection();
        var error = ended.Error ?? new ConnectionFailed("the connection closed.");
        var next = _reconnect.AfterDrop(error, link.Resuming, link.Ready, link.Healthy);
        ReportCutReply(error);
        LosePendingCalls();
        Settle(ended, error);
        Log.Disconnected(_logger, error.Code, error.Message);
        switch (next)
        {
            case Reconnect.StartFresh:
                _resumption.Refused();
                Log.ResumptionRefused(_logger, error.Code, error.Message);
                Publish(new ResumptionRefused(error));
                StartAttempt();
                break;
            case Reconnect.GiveUp giveUp:
                GiveUp(giveUp.Error);
                break;
            case Reconnect.RetryNow:
                Publish(new Disconnected(error, WillRetry: true, TimeSpan.Zero));
                SessionTelemetry.RetryScheduled();
                StartAttempt();
                break;
            case Reconnect.RetryAfter retry:
                Log.Retrying(_logger, retry.Delay, retry.Attempt, _options.Retry.Attempts, error.Code);
                SessionTelemetry.RetryScheduled();
                // The timer first: whoever sees Disconnected (a test on a virtual clock too) may count on the retry being due.
                Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, retry.Delay);
                Publish(new Disconnected(error, WillRetry: true, retry.Delay));
                Become(Reconnecting());
                break;
        }
    }

    private void EndConnection()
    {
        _telemetry.ConnectionEnded(Stopwatch.GetTimestamp());
        Timers.Cancel(HealthyTimer);
        Timers.Cancel(HandoverTimer);
    }

    private void BeginHandover(Link link, Handover handover)
    {
        Timers.StartSingleTimer(HandoverTimer, HandOverNow.Instance, handover.Deadline);
        Become(HandingOver(link, handover));
        HandOverIfConfirmed(link);
    }

    private void HandOverIfConfirmed(Link link)
    {
        if (Handover.CanCloseNow(_desk.OnConnection, _calls.AnyPending, _desk.ReplyInProgress))
        {
            HandOver(link);
        }
    }

    private void HandOver(Link link)
    {
        Timers.Cancel(HandoverTimer);
        link.Connection.Tell(CloseSocket.Instance);
    }

    private void OnHandedOver(ConnectionEnded ended)
    {
        EndConnection();
        var handedOver = new ConnectionFailed("the connection was handed over after goAway.");
        ReportCutReply(handedOver);
        LosePendingCalls();
        Settle(ended, handedOver);
        Log.HandedOver(_logger);
        _reconnect.StartOver();
        StartAttempt();
    }

    /// <summary>
    /// Passivates when nothing was sent or streamed for <paramref name="atLeast"/>, nothing waits to be confirmed, no reply
    /// streams, no tool call is pending, and a resumable handle can bring the conversation back; else the idle timer
    /// waits for the rest of the idle time.
    /// </summary>
    private void PassivateIfIdleFor(Link link, TimeSpan atLeast)
    {
        var quiet = _desk.IsEmpty && !_calls.AnyPending && !_desk.ReplyInProgress;
        if (_idle.MayPassivate(Now, atLeast, quiet, _resumption.CanResume))
        {
            Timers.Cancel(IdleTimer);
            Timers.Cancel(HealthyTimer);
            link.Connection.Tell(CloseSocket.Instance);
            Become(Passivating(link, _idle.IdleFor(Now)));
            return;
        }

        if (_idle.NextCheck(Now) is { } wait)
        {
            Timers.StartSingleTimer(IdleTimer, IdleNow.Instance, wait);
        }
    }

    private void OnPassivated(ConnectionEnded ended, TimeSpan idleFor)
    {
        Settle(ended, ended.Error ?? new ConnectionFailed("the connection was closed to passivate the session."));
        if (_desk.PendingCount > 0)
        {
            Wake(); // sent while the socket closed: straight to a new connection
            return;
        }

        Log.Passivated(_logger, idleFor);
        Context.Parent.Tell(SessionPassivated.Instance);
        Publish(new Live.Passivated(idleFor));
        Become(Passivated());
        if (_idle.Draining)
        {
            Context.Parent.Tell(SessionDrained.Instance);
        }
    }

    /// <summary>A Send came for a passivated session: resume the conversation on a new connection.</summary>
    private void Wake()
    {
        Log.Woke(_logger);
        Context.Parent.Tell(SessionWoke.Instance);
        _reconnect.StartOver();
        StartAttempt();
    }

    /// <summary>From now on the session passivates as soon as nothing is in flight; one that cannot resume has nothing to keep.</summary>
    private void BeginDrain()
    {
        _idle.Drain();
        if (!_options.SessionResumption.Enabled)
        {
            Context.Parent.Tell(SessionDrained.Instance);
        }
    }

    private void BeginClose(Link link)
    {
        Log.Closing(_logger);
        Timers.Cancel(HealthyTimer);
        link.Connection.Tell(CloseSocket.Instance);
        Become(Closing(link, [Sender]));
    }

    private void FinishClose(List<IActorRef> requesters)
    {
        Timers.Cancel(RetryTimer);
        End(SessionClosed.Instance);
        if (!_idle.Enabled)
        {
            requesters.ForEach(requester => requester.Tell(Live.Closed.Instance));
        }

        Publish(Live.Closed.Instance, except: requesters); // one Closed each: a requester that subscribes has its reply
        Log.Closed(_logger);
        EndForRegion(requesters); // a region's session: the region answers the requesters
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
        foreach (var message in _desk.TakeAll())
        {
            Fail(new Failure(message, error));
        }

        foreach (var (id, receiver) in _inbox.TakeWaiting())
        {
            Timers.Cancel(ReceiveTimerKey(id));
            receiver.Tell(new Status.Failure(new LiveConnectionException(error)));
        }
    }

    /// <summary>A region's session is over: its keeper drops its state, and its region sends what comes next to a new session.</summary>
    private void EndForRegion(IReadOnlyList<IActorRef> closeRequesters, ConnectionError? gaveUpWith = null)
    {
        _durability?.Keeper.Tell(DurableEnded.Instance);
        if (_idle.Enabled)
        {
            Context.Parent.Tell(new SessionEnding(closeRequesters, gaveUpWith));
        }
    }

    /// <summary>Accepts a Send: onto <paramref name="onSocket"/> at once when given, else queued for the next connection.</summary>
    private void Accept(Send send, Link? onSocket)
    {
        if (_rules.WireForm(send.Message, out var unsupported) is not { } wire)
        {
            Log.SendRefused(_logger, unsupported!.Code, unsupported.What);
            Sender.Tell(new Status.Failure(new LiveConnectionException(unsupported)));
            return;
        }

        if (_calls.Admit(wire, out var lost) is not { } admitted)
        {
            Sender.Tell(new Status.Failure(new LiveConnectionException(lost!)));
            return;
        }

        var size = ClientMessageSize.Of(admitted);
        if (_desk.Refusal(size) is { } full)
        {
            Sender.Tell(new Status.Failure(new LiveConnectionException(full)));
            return;
        }

        _idle.Touch(Now);
        var message = _desk.Accept(admitted, Sender, size, send.Correlation);
        if (!Sender.IsNobody())
        {
            Sender.Tell(new SendAccepted(message.Sequence, send.Correlation)); // told without a sender: no dead letter per Send
        }

        _durability?.Keeper.Tell(new DurableAccepted(message.Sequence, message.Message, message.Correlation));
        if (onSocket is null)
        {
            _desk.Queue(message);
            return;
        }

        _desk.PutOnConnection(message);
        HandTo(onSocket, message);
    }

    /// <summary>
    /// Puts a handed message onto the socket from this actor's thread (no hand-off: the socket takes it at once, or it
    /// queues behind a write that waits). Written now, it counts as written at once; queued, it is reported by
    /// <see cref="Written"/> (or settled by <see cref="ConnectionEnded"/>); refused (the socket's queue is full), that
    /// one message is forgotten and its sender told.
    /// </summary>
    private void HandTo(Link link, OutboundMessage message)
    {
        _desk.Handed(message);
        _telemetry.Handed(message.Message, Stopwatch.GetTimestamp());
        switch (link.Writer!.Write(message))
        {
            case SocketWriter.Outcome.Written:
                OnWritten(message.Sequence);
                break;
            case SocketWriter.Outcome.Refused:
                _desk.Rejected(message);
                Fail(new Failure(message, new BufferFull(_desk.PendingCount, _desk.PendingBytes)));
                break;
        }
    }

    private void OnWritten(long sequence)
    {
        Report(_desk.Written(sequence));
        ReportDone();
    }

    private void OnInbound(InboundMessage inbound)
    {
        var message = inbound.Message;
        foreach (var odd in _telemetry.FirstSeen(inbound.OddMembers))
        {
            Log.OddMember(_logger, odd);
        }

        _calls.ServerSent(message);
        if (message.ReportedInteractionStatus is not null)
        {
            _desk.InteractionStatusReported();
        }

        _telemetry.ServerSent(message, ReplyEvidence.EndsInteraction(message, _desk.IdleEndsInteraction), Stopwatch.GetTimestamp());
        Report(_desk.ServerSent(message));
        if (_idle.Enabled && ReplyEvidence.IsReply(message))
        {
            _idle.Touch(Now);
        }

        if (_resumption.ServerSent(message) is { } update)
        {
            _durability?.Keeper.Tell(new DurableHandle(update.NewHandle!, Context.System.Scheduler.Now));
            _desk.HandleReceived(update.LastConsumedClientMessageIndex);
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
            ReportDone(); // only a handle releases what the desk holds here: not worth a look at every chunk
        }

        ServerEvents.AddTo(_events, message, _desk.IdleEndsInteraction);
        _events.ForEach(@event => Publish(@event));
        _events.Clear();
        if (message.GoAway is { } goAway)
        {
            Log.GoAway(_logger, goAway.TimeLeft); // only a connected session with a handle hands over: else the server's close is a drop
        }
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

    /// <summary>After a socket ended with <paramref name="cause"/>: the desk settles what it carried, and the uncertain hear it.</summary>
    private void Settle(ConnectionEnded ended, ConnectionError cause)
    {
        _desk.Settle(ended.LastWritten, ended.InFlight, cause, _calls).ToList().ForEach(Fail);
        ReportDone();
    }

    /// <summary>
    /// A connection ended while a reply streamed: the server will not continue it, so subscribers hear which turn it
    /// answered, and (ask-again-after-cut-reply, with resumption) the turn goes again first on the next connection, once.
    /// </summary>
    private void ReportCutReply(ConnectionError cause)
    {
        if (_desk.CutReply(askAgain: _options.SessionResumption is { Enabled: true, AskAgainAfterCutReply: true }) is { } cut)
        {
            Log.ReplyCut(_logger, cut.Sequence ?? -1, cut.AskedAgain);
            Publish(new ReplyCut(cut.Sequence, cut.Correlation, cause) { AskedAgain = cut.AskedAgain });
        }
    }

    /// <summary>The connection ended with tool calls pending: the resumed session will not know them, so they are reported cancelled.</summary>
    private void LosePendingCalls()
    {
        if (_calls.ConnectionEnded() is { } cancelled)
        {
            Publish(cancelled);
        }
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

        _desk.Recover(recovered.Unconfirmed, resumable: _resumption.Handle is not null).ToList().ForEach(Fail);
        ReportDone();
    }

    /// <summary>Written messages past the outbound limits, let go without evidence: reported, never taken as delivered.</summary>
    private void Report(IReadOnlyList<Failure> letGo)
    {
        if (letGo.Count > 0)
        {
            letGo.ToList().ForEach(Fail);
            ReportDone();
        }
    }

    private void Fail(Failure failure)
    {
        var (message, error) = failure;
        Log.SendFailed(_logger, message.Sequence, error.Code);
        var failed = new SendFailed(message.Sequence, error, message.Correlation);
        message.Sender.Tell(failed);
        Publish(failed, except: [message.Sender]); // an Ask's sender is gone by now: someone listening must hear it
    }

    /// <summary>Tells the keeper how far every message is done (confirmed, or reported), when that moved.</summary>
    private void ReportDone()
    {
        if (_durability is not null && _desk.DoneThroughMoved() is { } doneThrough)
        {
            _durability.Keeper.Tell(new DurableDoneThrough(doneThrough));
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
