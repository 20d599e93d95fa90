using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Supervision;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Sessions;

/// <summary>
/// A region of sessions, one per call, user or conversation, addressed by id; this actor is the region of one process,
/// and its nested messages are the contract of every region, this one and the sharded one of LiveActors.Cluster alike.
/// </summary>
/// <remarks>
/// <para>The region contract, stated here once:</para>
/// <list type="bullet">
/// <item><description><see cref="Envelope"/>: its message (any message of the session API: <see cref="Live.Send"/>,
/// <see cref="Live.Subscribe"/>, <see cref="Live.Receive"/>, <see cref="Live.Close"/>, ...) goes to the session with that id,
/// with the envelope's sender, so replies come back as they would from the session itself.</description></item>
/// <item><description>The first message for an id starts its session with options from
/// <see cref="LiveSessionsOptions.OptionsFor"/>. When they cannot be made (invalid, no credentials, the factory threw),
/// that message is answered with a <see cref="Status.Failure"/> holding a <see cref="LiveConnectionException"/>, and the
/// next message for the id tries again; other ids are not affected.</description></item>
/// <item><description><see cref="GetSession"/> is answered with <see cref="SessionRef"/> (or that refusal). Its actor stays
/// the same until the session ends, unless <see cref="SessionRef.MayMove"/> says the region moves sessions between nodes:
/// then keep sending envelopes to the region (<see cref="Facade.LiveSessionsFacade"/> does either, as the answer says).</description></item>
/// <item><description>A session that closes (<see cref="Live.Close"/>, answered with <see cref="Live.Closed"/>) or gives up
/// is gone with its stored state; what comes for its id after that goes to a new session, a new conversation.</description></item>
/// <item><description>With persistence (<see cref="LiveSessionsOptions.Persistence"/>) a session keeps its state in the
/// journal, and one that stops any other way (its process or node stopped, it moved) resumes from it at its next
/// message.</description></item>
/// <item><description>A message that reaches a session's actor after it stopped (a kept <see cref="SessionRef"/>, a stopped
/// region, an entity between its session's end and its own stop) is answered at once with a
/// <see cref="Status.Failure"/>: <see cref="SessionClosed"/> when it closed or gave up, <see cref="SessionStopped"/> when it
/// stopped without closing (sent again through the region, it reaches the session where it lives now).</description></item>
/// </list>
/// <para>Only this region answers <see cref="GetRegionStatus"/> and <see cref="GetRegionHealth"/>: a sharded region's
/// sessions are spread over nodes, and Akka.Cluster.Sharding reports them.</para>
/// <para>Idle sessions passivate (<see cref="LiveSessionsOptions.PassivateAfter"/>): their socket closes, their handle and
/// subscribers stay, and the next Send resumes the conversation on a new connection, unseen by its sender (subscribers
/// get <see cref="Live.Passivated"/>, then <see cref="Live.Reconnected"/>). Past
/// <see cref="LiveSessionsOptions.MaxOpenSessions"/> open sockets, the least recently used idle sessions of this region
/// passivate first. Messages for a session that is closing wait until it has ended, then go to its new session, in order.</para>
/// </remarks>
public sealed class LiveSessions : ReceiveActor
{
    private readonly LiveSessionsOptions _options;
    private readonly SessionBook _book = new();
    private readonly GiveUpWindow _gaveUp = new(); // the latest give-ups, for the region's health
    private readonly SessionEnds _ends;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IActorRef? _index; // with RecoverOpenSessions: which sessions hold a socket, kept past the process
    private Drain? _drain; // the process shuts down: sessions passivate once nothing is in flight
    private long _names;

    private LiveSessions(LiveSessionsOptions options)
    {
        _options = options;
        _ends = SessionEnds.Get(Context.System); // a message that reaches one of its stopped sessions is answered
        Receive<Envelope>(envelope => Route(envelope.SessionId, envelope.Message, Sender));
        Receive<GetSession>(get => Route(get.SessionId, get, Sender));
        Receive<SessionEnding>(ending =>
        {
            if (_book.Find(Sender) is { } entry)
            {
                entry.Closing = true; // closed from anywhere (a facade talks to it directly): what comes now waits for the next session
                _ends.Ended(Sender, SessionEnd.Closed);
            }

            LiveSessionEntity.AnswerClosers(ending);
            if (ending.GaveUpWith is { } error)
            {
                _gaveUp.Add(Context.System.Scheduler.Now, error.Code);
            }
        });
        Receive<GetRegionStatus>(_ => Sender.Tell(new RegionStatus(_book.Count, _book.OpenCount)));
        Receive<GetRegionHealth>(health => Context.ActorOf(RegionHealthGatherer.Props(
            [.. _book.Entries.Where(e => !e.Session.IsNobody()).Select(e => e.Session)],
            _gaveUp.Since(Context.System.Scheduler.Now - health.GaveUpWithin),
            health.Timeout,
            Sender)));
        Receive<SessionPassivated>(_ =>
        {
            if (_book.Find(Sender) is { } entry && _book.Shut(entry) && _drain is null)
            {
                _index?.Tell(IndexEvent.Shut(entry.SessionId)); // a shutdown's passivations leave it open: it is recovered
            }
        });
        Receive<SessionWoke>(_ =>
        {
            if (_book.Find(Sender) is { } entry)
            {
                Opened(entry);
            }
        });
        Receive<Terminated>(terminated => Ended(terminated.ActorRef));
        Receive<RecoverSessions>(recover =>
        {
            foreach (var sessionId in recover.SessionIds)
            {
                Entry(sessionId, ActorRefs.Nobody); // known ids are already running; the rest recover from their state
            }
        });
        Receive<DrainSessions>(_ => StartDrain(Sender));
        Receive<SessionDrained>(_ => Drained(Sender));
        Receive<StateFlushed>(_ => FinishDrain()); // the index has stored everything
    }

    /// <inheritdoc />
    protected override void PreStart()
    {
        if (!_options.Persistence)
        {
            return;
        }

        if (_options.RecoverOpenSessions)
        {
            _index = Context.ActorOf(SessionIndex.Props(Self.Path.Name), "index");
        }

        RegionShutdown.PassivateSessionsFirst(Context.System, Self, _stopped.Task);
    }

    /// <inheritdoc />
    protected override void PostStop()
    {
        _stopped.TrySetResult(); // a shutdown after this has no region to wait for
        _ends.Ended(Self, SessionEnd.Stopped); // an envelope that comes now is told to try again
        foreach (var entry in _book.Entries)
        {
            _ends.Ended(entry.Session, entry.Closing ? SessionEnd.Closed : SessionEnd.Stopped);
        }
    }

    /// <summary>The props of a region with <paramref name="options"/>.</summary>
    /// <exception cref="LiveConnectionException">The options are invalid.</exception>
    public static Props Props(LiveSessionsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.OptionsFor);
        if (options.Validate() is [var first, ..])
        {
            throw new LiveConnectionException(first);
        }

        return ActorFactory<LiveSessions>.Props(() => new LiveSessions(options));
    }

    /// <summary>The props of a region whose sessions read their credentials from <paramref name="environment"/> (tests).</summary>
    internal static Props Props(LiveSessionsOptions options, LiveEnvironment environment) => Props(options with { Environment = environment });

    /// <inheritdoc />
    protected override SupervisorStrategy SupervisorStrategy() => new OneForOneStrategy(_ => Directive.Stop);

    private void Route(string sessionId, object message, IActorRef sender)
    {
        if (Entry(sessionId, sender) is not { } entry)
        {
            return;
        }

        if (entry.Closing)
        {
            if (!entry.Hold(message, sender, _options.MaxBufferedPerSession)) // else for the session that follows this one
            {
                sender.Tell(new Status.Failure(new LiveConnectionException(new BufferFull(entry.Waiting.Count, 0))));
            }

            return;
        }

        if (message is GetSession)
        {
            sender.Tell(new SessionRef(sessionId, entry.Session));
            return;
        }

        if (message is Live.Close)
        {
            entry.Closing = true;
        }

        _book.Used(entry); // most recently used last
        entry.Session.Tell(message, sender);
    }

    /// <summary>The session with this id, started now when it has none; null (the sender told why) when it cannot start.</summary>
    private SessionEntry? Entry(string sessionId, IActorRef sender)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            sender.Tell(new Status.Failure(new LiveConnectionException(new InvalidOption("SessionId", "sessions", "must not be empty."))));
            return null;
        }

        if (_book.Find(sessionId) is { } known)
        {
            return known;
        }

        IActorRef session;
        try
        {
            session = _options.StartSession(sessionId, Context, ActorName(sessionId));
        }
        catch (LiveConnectionException e)
        {
            sender.Tell(new Status.Failure(e));
            return null;
        }

        Context.Watch(session);
        var entry = _book.Add(sessionId, session);
        Opened(entry);
        return entry;
    }

    /// <summary>The session holds (or opens) a socket: counted, and past the cap the least recently used idle ones are asked to passivate.</summary>
    private void Opened(SessionEntry entry)
    {
        if (_book.Open(entry))
        {
            _index?.Tell(IndexEvent.Opened(entry.SessionId));
        }

        foreach (var idle in _book.OverCap(_options.MaxOpenSessions, keep: entry))
        {
            idle.Session.Tell(PassivateIfIdle.Instance); // a busy one ignores it and stays open
        }
    }

    private void Ended(IActorRef session)
    {
        if (_book.Remove(session) is not { } entry)
        {
            return;
        }

        _ends.Ended(session, entry.Closing ? SessionEnd.Closed : SessionEnd.Stopped); // for whoever still holds its ref
        if (entry.Closing)
        {
            _index?.Tell(IndexEvent.Shut(entry.SessionId)); // ended; one that stopped any other way is recovered
        }

        Drained(session);

        foreach (var (message, sender) in entry.Waiting)
        {
            Route(entry.SessionId, message, sender); // a new session, for what came while the old one closed
        }
    }

    private void StartDrain(IActorRef requester)
    {
        _drain = new Drain(requester, [.. _book.Actors]);
        foreach (var session in _drain.Waiting)
        {
            session.Tell(DrainForShutdown.Instance);
        }

        if (_drain.Waiting.Count == 0)
        {
            FinishDrain();
        }
    }

    private void Drained(IActorRef session)
    {
        if (_drain is { } drain && drain.Waiting.Remove(session) && drain.Waiting.Count == 0)
        {
            if (_index is not null)
            {
                _index.Tell(FlushState.Instance); // answered with StateFlushed once what it was told is stored
                return;
            }

            FinishDrain();
        }
    }

    private void FinishDrain() => _drain?.Requester.Tell(SessionsDrained.Instance);

    /// <summary>An actor name for any id: the id itself when Akka allows it, else a counter (the id lives in the entry).</summary>
    private string ActorName(string sessionId) =>
        sessionId.Length <= 100 && ActorPath.IsValidPathElement(sessionId) && !_book.Has(sessionId) && Context.Child(sessionId).IsNobody()
            ? sessionId
            : $"session-{++_names}";

    /// <summary>A message for the session with id <paramref name="SessionId"/>, starting it if it has none.</summary>
    /// <param name="SessionId">The session's id: a call, a user, a conversation. Any non-empty string.</param>
    /// <param name="Message">A message of the session API; replies go to the envelope's sender.</param>
    public sealed record Envelope(string SessionId, object Message);

    /// <summary>Asks for the session's actor (starting it if it has none); answered with <see cref="SessionRef"/>.</summary>
    /// <param name="SessionId">The session's id.</param>
    public sealed record GetSession(string SessionId);

    /// <summary>The actor of a session, for code that talks to it directly (or wraps it in a facade).</summary>
    /// <param name="SessionId">The session's id.</param>
    /// <param name="Session">Its actor: the same until it closes or gives up, unless <see cref="MayMove"/>.</param>
    public sealed record SessionRef(string SessionId, IActorRef Session)
    {
        /// <summary>
        /// Whether the region may move the session to another actor while it lives (a sharded region hands it to another
        /// node): <see cref="Session"/> then reaches it only until it moves, so code that keeps talking to it sends
        /// <see cref="Envelope"/>s to the region instead. False for the region of one process.
        /// </summary>
        public bool MayMove { get; init; }
    }

    /// <summary>Asks how many sessions the region holds; answered with <see cref="RegionStatus"/>.</summary>
    public sealed record GetRegionStatus
    {
        /// <summary>The one instance.</summary>
        public static readonly GetRegionStatus Instance = new();
    }

    /// <summary>How many sessions the region holds, and how many of them hold a socket (connected, or connecting).</summary>
    /// <param name="Sessions">Every session, passivated ones included.</param>
    /// <param name="Open">Those not passivated.</param>
    public sealed record RegionStatus(int Sessions, int Open);

    /// <summary>Asks how the region's sessions are; answered with <see cref="RegionHealth"/> within <paramref name="Timeout"/>.</summary>
    /// <param name="Timeout">How long to wait for the sessions' answers; those that do not answer in time count as unanswered.</param>
    /// <param name="GaveUpWithin">How far back a session that gave up still counts (it has ended, and is no longer in the region).</param>
    public sealed record GetRegionHealth(TimeSpan Timeout, TimeSpan GaveUpWithin);

    /// <summary>How a region's sessions are, by status, and how many gave up lately.</summary>
    /// <param name="Sessions">The sessions the region holds.</param>
    /// <param name="Connected">Those whose messages flow.</param>
    /// <param name="Connecting">Those connecting for the first time.</param>
    /// <param name="Reconnecting">Those that lost their connection (retrying, or connecting again after a retry).</param>
    /// <param name="HandingOver">Those moving to a new connection after goAway.</param>
    /// <param name="Passivated">Those idle with their socket closed.</param>
    /// <param name="Unanswered">Those that did not answer in time (stuck, or ending as the question came).</param>
    /// <param name="GaveUp">Sessions that gave up within the asked window.</param>
    /// <param name="LastGaveUpWith">The error code the latest of them gave up with.</param>
    public sealed record RegionHealth(int Sessions, int Connected, int Connecting, int Reconnecting, int HandingOver, int Passivated, int Unanswered, int GaveUp, string? LastGaveUpWith);

    /// <summary>The shutdown task waits for the sessions still in <paramref name="Waiting"/> to passivate or end.</summary>
    private sealed record Drain(IActorRef Requester, HashSet<IActorRef> Waiting);
}
