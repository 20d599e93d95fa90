using Akka.Actor;
using Akka.Cluster.Sharding;
using LiveActors.Actors;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Sessions;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Cluster;

/// <summary>
/// One session as a sharding entity: it starts the session (with its durable state, so it resumes where it stood on
/// whichever node it lands), forwards it every message, answers what a local region would (Closed to the closers,
/// GetSession), and ends the entity when the session ends. When sharding moves or stops it (<see cref="StopSession"/>),
/// the session first passivates once nothing is in flight, within the hand-off budget.
/// </summary>
internal sealed class ShardedSession : ReceiveActor, IWithTimers
{
    private readonly string _sessionId;
    private readonly IActorRef? _session;
    private bool _stopping;

    public ShardedSession(string sessionId, LiveSessionsOptions options, LiveSessionsSharding sharding, LiveEnvironment environment)
    {
        _sessionId = sessionId;
        LiveConnectionException? failure = null;
        try
        {
            _session = Context.ActorOf(options.SessionProps(sessionId, environment, Context), "session");
            Context.Watch(_session);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            failure = e as LiveConnectionException
                ?? new LiveConnectionException(new ConnectionFailed($"the options of session '{sessionId}' could not be made: {e.Message}") { Cause = e });
            Context.Parent.Tell(new Passivate(StopSession.Instance)); // nothing to keep: the next message tries again
        }

        Receive<SessionEnding>(ending =>
        {
            foreach (var requester in ending.CloseRequesters)
            {
                requester.Tell(Live.Closed.Instance);
            }

            Context.Parent.Tell(new Passivate(StopSession.Instance)); // what comes now waits in the shard for a new session
        });
        Receive<SessionPassivated>(_ => { });
        Receive<SessionWoke>(_ => { });
        Receive<LiveSessions.GetSession>(_ => Sender.Tell(new LiveSessions.SessionRef(_sessionId, Self)));
        Receive<StopSession>(_ =>
        {
            if (_session is null || _stopping)
            {
                Context.Stop(Self);
                return;
            }

            _stopping = true;
            _session.Tell(DrainForShutdown.Instance);
            Timers.StartSingleTimer(HandOffTimer, HandOffOver.Instance, sharding.HandOffBudget);
        });
        Receive<SessionDrained>(_ => Context.Stop(Self)); // passivated, its handle stored: the next node resumes it
        Receive<HandOffOver>(_ => Context.Stop(Self));
        Receive<Terminated>(terminated =>
        {
            if (!terminated.ActorRef.Equals(_session))
            {
                return;
            }

            if (_stopping)
            {
                Context.Stop(Self);
            }
            else
            {
                Context.Parent.Tell(new Passivate(StopSession.Instance)); // it ended (closed, gave up): so does the entity
            }
        });
        ReceiveAny(message =>
        {
            if (failure is not null)
            {
                Sender.Tell(new Status.Failure(failure));
                return;
            }

            _session.Forward(message);
        });
    }

    private const string HandOffTimer = "hand-off";

    /// <inheritdoc />
    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(string sessionId, LiveSessionsOptions options, LiveSessionsSharding sharding, LiveEnvironment environment) =>
        ActorFactory<ShardedSession>.Props(() => new ShardedSession(sessionId, options, sharding, environment));

    private sealed record HandOffOver
    {
        public static readonly HandOffOver Instance = new();
    }
}

/// <summary>Sharding to a session's entity: it moves, or idles out; it passivates once nothing is in flight, then stops.</summary>
internal sealed record StopSession
{
    public static readonly StopSession Instance = new();
}
