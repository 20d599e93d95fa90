using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Supervision;

namespace LiveActors.Sessions;

/// <summary>
/// One session of a region that places its sessions itself, as that region's entity: LiveActors.Cluster's region on
/// Akka.Cluster.Sharding creates one per session id, and another placement can do the same. It keeps, for its one
/// session, the region contract <see cref="LiveSessions"/> states, so a region built on it answers as the local one does.
/// </summary>
/// <remarks>
/// <para>For integration packages: application code sends <see cref="LiveSessions.Envelope"/>s to a region and never creates
/// this actor.</para>
/// <para>The entity starts its session (with its durable state under <see cref="LiveSessionsOptions.Persistence"/>, so it
/// resumes where it stood on whichever node it lands), forwards it every message it gets, and answers
/// <see cref="LiveSessions.GetSession"/> with itself and <see cref="LiveSessions.SessionRef.MayMove"/> set. When the session
/// ends (closed, gave up) or cannot start, it tells its parent the end request it was made with, and the parent stops it
/// in its own way (sharding's <c>Passivate</c> holds what comes for the id meanwhile, then starts a new entity). On
/// <see cref="Stop"/> (the placement moves it, or it idled out) its session passivates once nothing is in flight, within
/// the hand-off budget, and the entity stops.</para>
/// </remarks>
public sealed class LiveSessionEntity : ReceiveActor, IWithTimers
{
    private const string HandOffTimer = "hand-off";

    private readonly string _sessionId;
    private readonly IActorRef? _session;
    private readonly LiveConnectionException? _refusal;
    private readonly SessionEnds _ends;
    private bool _ending;
    private bool _stopping;
    private bool _sessionGone;

    private LiveSessionEntity(string sessionId, LiveSessionsOptions options, object endRequest, TimeSpan handOffBudget)
    {
        _sessionId = sessionId;
        _ends = SessionEnds.Get(Context.System); // a message that reaches this entity once it has stopped is answered
        try
        {
            _session = options.StartSession(sessionId, Context, "session");
            Context.Watch(_session);
        }
        catch (LiveConnectionException e)
        {
            _refusal = e;
            Context.Parent.Tell(endRequest); // nothing to keep: the next message for the id tries again
        }

        Receive<SessionEnding>(ending =>
        {
            _ending = true;
            _ends.Ended(Sender, SessionEnd.Closed);
            AnswerClosers(ending);
            Context.Parent.Tell(endRequest); // what comes now waits in the placement for a new session
        });
        Receive<SessionPassivated>(_ => { }); // the placement, not this entity, decides when an idle one stops altogether
        Receive<SessionWoke>(_ => { });
        Receive<LiveSessions.GetSession>(_ => Sender.Tell(_refusal is { } refusal
            ? new Status.Failure(refusal)
            : new LiveSessions.SessionRef(_sessionId, Self) { MayMove = true }));
        Receive<Stop>(_ =>
        {
            if (_session is null || _stopping)
            {
                Context.Stop(Self);
                return;
            }

            _stopping = true;
            if (!_ending)
            {
                _session.Tell(DrainForShutdown.Instance); // answered with SessionDrained once its handle covers everything
            }

            // An ending session stops by itself once its state is deleted, so the next entity of the id starts afresh.
            Timers.StartSingleTimer(HandOffTimer, HandOffOver.Instance, handOffBudget);
        });
        Receive<SessionDrained>(_ => Context.Stop(Self)); // passivated, its handle stored: the next node resumes it
        Receive<HandOffOver>(_ => Context.Stop(Self)); // what was cut short is recovered by the usual rules
        Receive<Terminated>(terminated =>
        {
            if (!terminated.ActorRef.Equals(_session))
            {
                return;
            }

            _sessionGone = true;
            if (_stopping)
            {
                Context.Stop(Self);
            }
            else
            {
                Context.Parent.Tell(endRequest); // it ended (closed, gave up): so does the entity
            }
        });
        ReceiveAny(message =>
        {
            if (_refusal is not null)
            {
                Sender.Tell(new Status.Failure(_refusal));
                return;
            }

            if (_sessionGone)
            {
                // Between its session's end and its own stop: answered now, as a message that reaches a stopped session is.
                if (DeadLetterAnswers.For(message, _ending ? SessionEnd.Closed : SessionEnd.Stopped) is { } answer)
                {
                    Sender.Tell(answer);
                }

                return;
            }

            _session.Forward(message);
        });
    }

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    /// <inheritdoc />
    protected override void PostStop() => _ends.Ended(Self, _ending ? SessionEnd.Closed : SessionEnd.Stopped); // for whoever still holds this ref

    /// <summary>The props of the entity of the session with <paramref name="sessionId"/> (local actors only).</summary>
    /// <param name="sessionId">The session's id.</param>
    /// <param name="options">The region's options; their <see cref="LiveSessionsOptions.OptionsFor"/> makes the session's.</param>
    /// <param name="endRequest">
    /// What the entity tells its parent when its session has ended or could not start, for the parent to stop it: with
    /// Akka.Cluster.Sharding, <c>new Passivate(LiveSessionEntity.Stop.Instance)</c>.
    /// </param>
    /// <param name="handOffBudget">How long <see cref="Stop"/> waits for the session to passivate before it stops anyway.</param>
    /// <exception cref="LiveConnectionException">The region's options are invalid.</exception>
    public static Props Props(string sessionId, LiveSessionsOptions options, object endRequest, TimeSpan handOffBudget)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.OptionsFor);
        ArgumentNullException.ThrowIfNull(endRequest);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(handOffBudget, TimeSpan.Zero);
        if (options.Validate() is [var first, ..])
        {
            throw new LiveConnectionException(first);
        }

        return ActorFactory<LiveSessionEntity>.Props(() => new LiveSessionEntity(sessionId, options, endRequest, handOffBudget));
    }

    /// <summary>A region's answer to those that closed a session, once it knows the session is ending: what they send next is for a new one.</summary>
    internal static void AnswerClosers(SessionEnding ending)
    {
        foreach (var requester in ending.CloseRequesters)
        {
            requester.Tell(Live.Closed.Instance);
        }
    }

    /// <summary>
    /// The placement to the entity: it moves to another node, or idles out. Its session passivates once nothing is in
    /// flight, then the entity stops; a second Stop stops it at once. Akka.Cluster.Sharding's hand-off stop message.
    /// </summary>
    public sealed record Stop
    {
        /// <summary>The one instance.</summary>
        public static readonly Stop Instance = new();
    }

    private sealed record HandOffOver
    {
        public static readonly HandOffOver Instance = new();
    }
}
