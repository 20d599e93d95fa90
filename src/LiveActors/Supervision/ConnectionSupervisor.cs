using System.Diagnostics;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Dispatch;
using LiveActors.Supervision.Reconnection;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Supervision.SessionTimers;

namespace LiveActors.Supervision;

/// <summary>
/// A Live API session: the actor users hold, the same for the session's whole life however many sockets come and go.
/// It creates a <c>ConnectionActor</c> per connection attempt, watches it, and reconnects after retryable errors with
/// exponential backoff; it owns what must outlive a socket: the outbound queue, the inbox, the subscribers, the
/// resumption handle and the status.
/// </summary>
/// <remarks>
/// <para>Talk to it with the messages in <see cref="Live"/> (<see cref="Send"/>, <see cref="Receive"/>, <see cref="ReceiveAll"/>,
/// <see cref="Close"/>, <see cref="GetStatus"/>, <see cref="Subscribe"/>, <see cref="Unsubscribe"/>); subscribers get every event.</para>
/// <para>Retries: failed attempt n waits <c>min(max-delay, delay * backoff^(n-1))</c>, at most <c>retry.attempts</c>
/// times in a row, then the session gives up with <see cref="MaxRetriesExceeded"/>; a non-retryable error gives up at
/// once. A connection that stayed up for <c>retry.reset-after</c> resets the count, and its drop is retried at once.</para>
/// <para>The end: after <see cref="Live.Closed"/> or <see cref="Live.GaveUp"/> it has answered everyone waiting, and it
/// stops itself (watchers see <see cref="Terminated"/>), as Akka.IO's connection actors do.</para>
/// </remarks>
// Its states are receive methods given the data they need (a Link, a Handover, who asked to close), the status it reports
// the state it is in. Its rules (SessionParts, built by SessionSettings) decide the rest and return the Effects it performs.
public sealed class ConnectionSupervisor : ActorBase, IWithTimers
{
    private readonly SessionParts _parts;
    private readonly ReconnectPolicy _reconnect;
    private readonly Resumption _resumption;
    private readonly IdleWatch _idle;
    private readonly SessionTraffic _traffic;
    private readonly SessionEndings _endings;
    private int _incarnation;

    private ConnectionSupervisor(SessionSettings settings)
    {
        _parts = settings.Build(settings.LoggerFactory ?? AkkaLoggerFactory.For(Context.System), Context.System.Scheduler, Context.Parent);
        (_reconnect, _resumption, _idle, _traffic, _endings) = (_parts.Reconnect, _parts.Resumption, _parts.Idle, _parts.Traffic, _parts.Endings);
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Now => _parts.Clock.MonotonicClock;

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
    /// Starts a session in <paramref name="system"/> (an actor system, or an actor's context) and returns the ref to hold
    /// for its whole life. Unlike <c>ActorOf(Props(...))</c>, it runs on LiveActors' session dispatcher and mailbox (added
    /// to the system on first use), which hand the session what a socket read on the reader's own thread: one hand-off
    /// fewer per burst, with the same order and guarantees. Invalid options, or missing credentials, throw
    /// <see cref="LiveConnectionException"/> here, before any actor starts.
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

    /// <summary>Props reading environment variables from <paramref name="environment"/> instead of the process; <paramref name="clock"/> measures idle time (the scheduler by default).</summary>
    internal static Props Props(
        LiveConnectionOptions options, ILoggerFactory? loggerFactory, LiveEnvironment environment, IActorRef? subscriber = null, Passivation? passivation = null,
        Durability? durability = null, ITimeProvider? clock = null)
    {
        var settings = SessionSettings.Resolve(options, environment, loggerFactory, subscriber, passivation, durability, clock);
        return ActorFactory<ConnectionSupervisor>.Props(() => new ConnectionSupervisor(settings));
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        Perform(_parts.Users.WatchSubscribers());
        if (_parts.Recovered is { } recovered)
        {
            Perform(_endings.Recover(recovered));
        }

        StartAttempt();
    }

    /// <inheritdoc />
    protected override void PostStop() => _parts.Invoker.Dispose();

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    /// <inheritdoc />
    protected override bool Receive(object message) => false; // never used: PreStart becomes Connecting

    private Akka.Actor.Receive Connecting(Link link) => message =>
    {
        switch (message)
        {
            case SocketReady ready:
                Perform(_parts.Connections.Ready(ready, link.Resuming, link.HandshakeMessages, Now));
                Become(Connected(link with { Writer = ready.Writer }));
                return true;
            case ConnectionEnded ended: OnDropped(link, ended); return true;
            case Close: BeginClose(link); return true;
            default: return Common(message, _reconnect.Connections == 0 ? ConnectionStatus.Connecting : ConnectionStatus.Reconnecting, link);
        }
    };

    private Akka.Actor.Receive Connected(Link link) => message =>
    {
        switch (message)
        {
            case Send send: Perform(_traffic.Accept(send, Sender, link.Writer)); return true;
            case InboundMessage inbound:
                Perform(_traffic.Inbound(inbound));
                if (inbound.Message.GoAway is { } goAway)
                {
                    // Resumed with a handle, else a new server session: either beats a close at the deadline (goAway may come minutes early).
                    var handover = Handover.After(goAway.TimeLeft);
                    Timers.StartSingleTimer(HandoverTimer, HandOverNow.Instance, handover.Deadline);
                    Become(HandingOver(link, handover));
                    HandOver(link, whenSettled: true);
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
                Perform(_parts.Region.Drain());
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
            // The answer to a pending call goes on this connection, which knows the call; everything else waits for the next.
            case Send { Message: ToolResponse response } send when _traffic.Calls.AnswersPending(response):
                Perform(_traffic.Accept(send, Sender, link.Writer));
                HandOver(link, whenSettled: true);
                return true;
            case InboundMessage inbound:
                Perform(_traffic.Inbound(inbound));
                if (inbound.Message.GoAway is null)
                {
                    HandOver(link, whenSettled: true);
                }

                return true;
            case Written written:
                Perform(_traffic.Written(written.Sequence));
                HandOver(link, whenSettled: true);
                return true;
            case HandOverNow when handover.ExtensionFor(_traffic.Calls.AnyPending) is { } extension:
                // A pending call would be lost with this connection: its response gets until nearly the end of the time left.
                Timers.StartSingleTimer(HandoverTimer, HandOverNow.Instance, extension);
                Become(HandingOver(link, handover with { Extended = true }));
                return true;
            case HandOverNow: HandOver(link); return true;
            case ConnectionEnded { Error: null } ended: // closed as asked: resume on a new connection
                Perform(_parts.Connections.Ended(Stopwatch.GetTimestamp()));
                Perform(_endings.HandedOver(ended));
                _reconnect.StartOver();
                StartAttempt();
                return true;
            case ConnectionEnded ended: OnDropped(link, ended); return true;
            case Close: BeginClose(link); return true;
            default: return Common(message, ConnectionStatus.HandingOver, link);
        }
    };

    /// <summary>The socket closes because the session was idle; a Send meanwhile waits, and wakes it once the socket is gone.</summary>
    private Akka.Actor.Receive Passivating(Link link, TimeSpan idleFor) => message =>
    {
        switch (message)
        {
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
                Perform(_traffic.Accept(send, Sender, socket: null));
                Wake();
                return true;
            case Close: FinishClose([Sender]); return true;
            case DrainForShutdown: Perform(_parts.Region.Drained()); return true;
            default: return Common(message, ConnectionStatus.Passivated, link: null);
        }
    };

    /// <summary>Waiting for the retry timer; sends wait for the next connection.</summary>
    private Akka.Actor.Receive Reconnecting() => message =>
    {
        switch (message)
        {
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
                Perform(_endings.Closed(ended));
                FinishClose(requesters);
                return true;
            case Close: requesters.Add(Sender); return true;
            default: return Common(message, ConnectionStatus.Closing, link);
        }
    };

    /// <summary>
    /// What every state handles the same way (a Send waits for the next socket, a user's request is answered);
    /// <paramref name="status"/> is the state's, <paramref name="link"/> its connection.
    /// </summary>
    private bool Common(object message, ConnectionStatus status, Link? link)
    {
        switch (message)
        {
            case Send send: Perform(_traffic.Accept(send, Sender, socket: null)); return true;
            case InboundMessage inbound: Perform(_traffic.Inbound(inbound)); return true;
            case InboundMalformed malformed: Perform(_parts.Connections.Malformed(malformed.Error)); return true;
            case Written written: Perform(_traffic.Written(written.Sequence)); return true;
            case Terminated terminated when terminated.ActorRef.Equals(link?.Connection):
                Self.Tell(new ConnectionEnded(new ConnectionFailed("the connection actor stopped unexpectedly."), -1, null));
                return true;
            case Healthy or HandOverNow or IdleNow or PassivateIfIdle: return true; // a timer or a region's ask that this state outlived
            case DrainForShutdown: Perform(_parts.Region.Drain()); return true; // connecting, handing over, passivating: passivates once connected and quiet
            default: return Perform(_parts.Users.Answer(message, status, Sender)); // none: not a request, unhandled
        }
    }

    private void StartAttempt()
    {
        var handle = _resumption.CanResume ? _resumption.Handle : null;
        var plan = _parts.Attempts.Plan(handle, _reconnect.Attempt + 1, _traffic.Transcript.Turns);
        _resumption.Attempting(sendsHistory: plan.History is not null);
        var connection = Context.ActorOf(SessionDispatcher.On(Context, ConnectionActor.Props(plan, _parts.ConnectionLogger)), $"connection-{++_incarnation}");
        Context.Watch(connection);
        Become(Connecting(new Link(connection, Resuming: handle is not null, plan.HandshakeMessages)));
    }

    private void OnDropped(Link link, ConnectionEnded ended)
    {
        Perform(_parts.Connections.Ended(Stopwatch.GetTimestamp()));
        var error = _traffic.Learn(ended.Error ?? new ConnectionFailed("the connection closed."), link.Ready);
        var next = _reconnect.AfterDrop(error, link.Resuming, link.Ready, link.Healthy, _resumption.Ended(link.Ready, error));
        if (next is Reconnect.RetryAfter retry)
        {
            // The timer first: whoever sees Disconnected (a test on a virtual clock too) may count on the retry being due.
            Timers.StartSingleTimer(RetryTimer, RetryNow.Instance, retry.Delay);
        }

        Perform(_endings.Dropped(ended, error, next));
        switch (next)
        {
            case Reconnect.GiveUp giveUp: GiveUp(giveUp.Error); break;
            case Reconnect.RetryAfter: Become(Reconnecting()); break;
            default: StartAttempt(); break; // at once: a new server session after a refused handle, or a drop after a healthy connection
        }
    }

    /// <summary>Closes the socket to hand over: now, or (<paramref name="whenSettled"/>) once nothing on it waits for the server.</summary>
    private void HandOver(Link link, bool whenSettled = false)
    {
        if (!whenSettled || _traffic.SocketSettled)
        {
            Timers.Cancel(HandoverTimer);
            link.Connection.Tell(CloseSocket.Instance);
        }
    }

    /// <summary>Passivates when <see cref="IdleWatch"/> says it may (idle for <paramref name="atLeast"/>, quiet, resumable); else looks again later.</summary>
    private void PassivateIfIdleFor(Link link, TimeSpan atLeast)
    {
        if (_idle.MayPassivate(Now, atLeast, _traffic.Quiet, _resumption.CanResume))
        {
            Timers.Cancel(IdleTimer);
            Timers.Cancel(HealthyTimer);
            link.Connection.Tell(CloseSocket.Instance);
            Become(Passivating(link, _idle.IdleFor(Now)));
        }
        else if (_idle.NextCheck(Now) is { } wait)
        {
            Timers.StartSingleTimer(IdleTimer, IdleNow.Instance, wait);
        }
    }

    private void OnPassivated(ConnectionEnded ended, TimeSpan idleFor)
    {
        Perform(_endings.Passivated(ended));
        if (_traffic.Desk.PendingCount > 0)
        {
            Wake(); // sent while the socket closed: straight to a new connection
            return;
        }

        Perform(_parts.Region.Passivated(idleFor)); // and drained, when the process stops
        Become(Passivated());
    }

    /// <summary>A Send came for a passivated session: resume the conversation on a new connection.</summary>
    private void Wake()
    {
        Perform(_parts.Region.Woke());
        _reconnect.StartOver();
        StartAttempt();
    }

    private void BeginClose(Link link)
    {
        Log.Closing(_parts.Logger);
        Timers.Cancel(HealthyTimer);
        Timers.Cancel(HandoverTimer);
        link.Connection.Tell(CloseSocket.Instance);
        Become(Closing(link, [Sender]));
    }

    private void FinishClose(List<IActorRef> requesters)
    {
        Timers.Cancel(RetryTimer);
        Perform(_endings.Close(requesters, regionAnswers: _idle.Enabled));
        Perform(_parts.Region.Ending(requesters)); // a region's session: the region answers the requesters
        Context.Stop(Self);
    }

    private void GiveUp(ConnectionError error)
    {
        Perform(_endings.GiveUp(error));
        Perform(_parts.Region.Ending([], error));
        Context.Stop(Self); // as Akka.IO's connection actors stop once closed: watchers see Terminated, and none leaks
    }

    /// <summary>Does, in order, what a rule decided; false when it decided nothing (null).</summary>
    private bool Perform(Effects? effects) => _parts.Performer.Perform(effects, Context, Timers);
}
