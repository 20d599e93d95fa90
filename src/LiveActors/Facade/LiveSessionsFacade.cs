using System.Collections.Concurrent;
using Akka.Actor;
using LiveActors.Options;
using LiveActors.Sessions;

namespace LiveActors.Facade;

/// <summary>
/// The <see cref="ILiveSessions"/> over a region: each id's facade finds its session on first use (asking the region,
/// which starts it), and is kept until that session ends, so callers can ask for it per request without piling up facades.
/// When the region's answer says its sessions move between nodes (<see cref="LiveSessions.SessionRef.MayMove"/>), the
/// facade talks to its session through the region, so it follows the session across hand-offs and failovers.
/// </summary>
public sealed class LiveSessionsFacade : ILiveSessions
{
    // The first message for an id waits while the region starts its session and recovers it from the journal, which on
    // a loaded machine (or a node that just joined) takes longer than a fixed few seconds: the connect budget, and slack.
    private static readonly TimeSpan AskTimeout = LiveDefaults.Timeout + TimeSpan.FromSeconds(5);

    private readonly ActorSystem _system;
    private readonly Func<Task<IActorRef>> _region;
    private readonly ConcurrentDictionary<string, DeferredLiveConnection> _connections = new(StringComparer.Ordinal);

    /// <summary>A facade over <paramref name="region"/>, a running region: a <see cref="LiveSessions"/> actor, or a sharded one.</summary>
    public LiveSessionsFacade(ActorSystem system, IActorRef region)
        : this(system, () => Task.FromResult(region))
    {
        ArgumentNullException.ThrowIfNull(region);
    }

    /// <summary>A facade over the region <paramref name="region"/> gives once it runs (Akka.Hosting's <c>IRequiredActor</c>, say).</summary>
    public LiveSessionsFacade(ActorSystem system, Func<Task<IActorRef>> region)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(region);
        _system = system;
        _region = region;
    }

    /// <inheritdoc />
    public ILiveConnection Get(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        var connection = _connections.GetOrAdd(sessionId, Connect);
        if (!connection.IsOver)
        {
            return connection;
        }

        var fresh = Connect(sessionId); // its session ended (or never started): the next use starts a new one
        return _connections.TryUpdate(sessionId, fresh, connection) ? fresh : _connections[sessionId];
    }

    private DeferredLiveConnection Connect(string sessionId) => new(async () =>
    {
        var region = await _region().ConfigureAwait(false);
        var found = await region.Ask<object>(new LiveSessions.GetSession(sessionId), AskTimeout).ConfigureAwait(false);
        return found switch
        {
            // The session may move to another node: a stand-in sends every message through the region, which knows where it is now.
            LiveSessions.SessionRef { MayMove: true } => new LiveConnection(_system, _system.ActorOf(SessionProxy.Props(sessionId, region)), stopsWithSession: true),
            LiveSessions.SessionRef session => new LiveConnection(_system, session.Session),
            Status.Failure { Cause: { } cause } => throw cause,
            _ => throw new InvalidOperationException($"The region answered {found.GetType().Name} for session '{sessionId}'."),
        };
    });
}
