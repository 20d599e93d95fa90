using System.Diagnostics;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Dispatch;
using LiveActors.Supervision.Reconnection;
using LiveActors.Telemetry;
using LiveActors.Transport;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision;

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
// Its states are receive methods, each given the data it needs (the current Link, a Handover, who asked to close); the
// status it reports is the state it is in. What passes through it is SessionTraffic's and what an ending leaves is
// SessionEndings', both returning the Effects to perform; when to retry is ReconnectPolicy's, when to passivate
// IdleWatch's, when to hand over Handover's.
public sealed partial class ConnectionSupervisor : ActorBase, IWithTimers
{
    private const string RetryTimer = "retry";
    private const string HealthyTimer = "healthy";
    private const string HandoverTimer = "handover";
    private const string IdleTimer = "idle";

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    private TimeSpan Now => Context.System.Scheduler.MonotonicClock;

    private Akka.Actor.Receive Connecting(Link link) => message =>
    {
        switch (message)
        {
            case Send send: Perform(_traffic.Accept(send, Sender, socket: null)); return true;
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
            case Send send: Perform(_traffic.Accept(send, Sender, link.Writer)); return true;
            case InboundMessage inbound:
                Perform(_traffic.Inbound(inbound));
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
            // The answer to a pending call goes on this connection, which knows the call; everything else waits for the next.
            case Send { Message: ToolResponse response } send when _traffic.Calls.AnswersPending(response):
                Perform(_traffic.Accept(send, Sender, link.Writer));
                HandOverIfSettled(link);
                return true;
            case Send send: Perform(_traffic.Accept(send, Sender, socket: null)); return true;
            case InboundMessage inbound:
                Perform(_traffic.Inbound(inbound));
                if (inbound.Message.GoAway is null)
                {
                    HandOverIfSettled(link);
                }

                return true;
            case Written written:
                Perform(_traffic.Written(written.Sequence));
                HandOverIfSettled(link);
                return true;
            case HandOverNow when handover.ExtensionFor(_traffic.Calls.AnyPending) is { } extension:
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
            case Send send: Perform(_traffic.Accept(send, Sender, socket: null)); return true;
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
            case DrainForShutdown: Context.Parent.Tell(SessionDrained.Instance); return true;
            default: return Common(message, ConnectionStatus.Passivated, link: null);
        }
    };

    /// <summary>Waiting for the retry timer; sends wait for the next connection.</summary>
    private Akka.Actor.Receive Reconnecting() => message =>
    {
        switch (message)
        {
            case Send send: Perform(_traffic.Accept(send, Sender, socket: null)); return true;
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

    /// <summary>What every state handles the same way; <paramref name="status"/> is the state's, <paramref name="link"/> its connection.</summary>
    private bool Common(object message, ConnectionStatus status, Link? link)
    {
        switch (message)
        {
            case InboundMessage inbound: Perform(_traffic.Inbound(inbound)); return true;
            case InboundMalformed malformed:
                Log.MalformedFrame(_logger, malformed.Error.Detail);
                Publish(new MalformedFrameReceived(malformed.Error));
                return true;
            case Written written: Perform(_traffic.Written(written.Sequence)); return true;
            case Terminated terminated when terminated.ActorRef.Equals(link?.Connection):
                Self.Tell(new ConnectionEnded(new ConnectionFailed("the connection actor stopped unexpectedly."), -1, null));
                return true;
            case Healthy or HandOverNow or IdleNow or PassivateIfIdle: return true; // a timer or a region's ask that this state outlived
            case DrainForShutdown: BeginDrain(); return true; // connecting, handing over, passivating: passivates once connected and quiet
            default: return Answer(message, status);
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

        var replayed = _traffic.Desk.TakeReplayed();
        Publish(_reconnect.Connections == 1
            ? new Live.Connected(ready.SessionId) { Resumed = link.Resuming }
            : new Reconnected(link.Resuming, ready.SessionId) { ReplayedMessages = replayed });
        Perform(_traffic.StartConnection(ready.Writer, link.HandshakeMessages));
        Become(Connected(link with { Writer = ready.Writer }));
    }

    private void OnDropped(Link link, ConnectionEnded ended)
    {
        EndConnection();
        var error = ended.Error ?? new ConnectionFailed("the connection closed.");
        var next = _reconnect.AfterDrop(error, link.Resuming, link.Ready, link.Healthy);
        Perform(_endings.Lost(ended, error));
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
        HandOverIfSettled(link);
    }

    private void HandOverIfSettled(Link link)
    {
        if (_traffic.SocketSettled)
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
        Perform(_endings.Lost(ended, new ConnectionFailed("the connection was handed over after goAway.")));
        Log.HandedOver(_logger);
        _reconnect.StartOver();
        StartAttempt();
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
        Perform(_endings.Settle(ended, ended.Error ?? new ConnectionFailed("the connection was closed to passivate the session.")));
        if (_traffic.Desk.PendingCount > 0)
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
        Perform(_endings.Close(requesters, regionAnswers: _idle.Enabled));
        EndForRegion(requesters); // a region's session: the region answers the requesters
        Context.Stop(Self);
    }

    private void GiveUp(ConnectionError error)
    {
        Perform(_endings.GiveUp(error));
        EndForRegion([], error);
        Context.Stop(Self); // as Akka.IO's connection actors stop once closed: watchers see Terminated, and none leaks
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

    private sealed record RetryNow { public static readonly RetryNow Instance = new(); }

    private sealed record HandOverNow { public static readonly HandOverNow Instance = new(); }

    private sealed record Healthy { public static readonly Healthy Instance = new(); }

    private sealed record IdleNow { public static readonly IdleNow Instance = new(); }
}
