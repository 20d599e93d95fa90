using System.Collections.Concurrent;
using Akka.Actor;
using LiveActors.Options;
using LiveActors.Sessions;

namespace LiveActors.Facade;

/// <summary>
/// The <see cref="ILiveSessions"/> over a region: each id's facade finds its session on first use (asking the region,
/// which starts it), and is kept until that session ends, so callers can ask for it per request without piling up facades.
/// </summary>
public sealed class LiveSessionsFacade : ILiveSessions
{
    // The first message for an id waits while the region starts its session and recovers it from the journal, which on
    // a loaded machine (or a node that just joined) takes longer than a fixed few seconds: the connect budget, and slack.
    private static readonly TimeSpan AskTimeout = LiveDefaults.Timeout + TimeSpan.FromSeconds(5);

    private readonly ActorSystem _system;
    private readonly Func<Task<IActorRef>> _region;
    private readonly ConcurrentDictionary<string, DeferredLiveConnection> _connections = new(StringComparer.Ordinal);
    private readonly Func<bool> _throughRegion;

    /// <summary>A facade over <paramref name="region"/>, a running <see cref="LiveSessions"/> actor.</summary>
    public LiveSessionsFacade(ActorSystem system, IActorRef region)
        : this(system, () => Task.FromResult(region))
    {
        ArgumentNullException.ThrowIfNull(region);
    }

    /// <summary>A facade over the region <paramref name="region"/> gives once it runs (Akka.Hosting's <c>IRequiredActor</c>, say).</summary>
    public LiveSessionsFacade(ActorSystem system, Func<Task<IActorRef>> region)
        : this(system, region, throughRegion: false)
    {
    }

    /// <summary>
    /// A facade over <paramref name="region"/>; with <paramref name="throughRegion"/> each id's facade talks to its session
    /// through the region (an envelope per message) instead of to the session's actor, so it follows the session when
    /// it moves to another node: the choice for a sharded region (LiveActors.Cluster registers it so).
    /// </summary>
    public LiveSessionsFacade(ActorSystem system, Func<Task<IActorRef>> region, bool throughRegion)
        : this(system, region, () => throughRegion)
    {
    }

    /// <summary>A facade that learns only once the region runs whether it is sharded (Akka.Hosting registers it later).</summary>
    internal LiveSessionsFacade(ActorSystem system, Func<Task<IActorRef>> region, Func<bool> throughRegion)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(region);
        _system = system;
        _region = region;
        _throughRegion = throughRegion;
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
        if (_throughRegion())
        {
            // The session starts (or recovers) wherever the region puts it; a status round trip shows it can, so options
            // that cannot be made fail here as they do for a local region.
            var proxy = _system.ActorOf(SessionProxy.Props(sessionId, region));
            try
            {
                await proxy.Ask<Live.StatusReport>(Live.GetStatus.Instance, AskTimeout).ConfigureAwait(false);
            }
            catch
            {
                _system.Stop(proxy);
                throw;
            }

            return new LiveConnection(_system, proxy, stopsWithSession: true);
        }

        var found = await region.Ask<object>(new LiveSessions.GetSession(sessionId), AskTimeout).ConfigureAwait(false);
        return found switch
        {
            LiveSessions.SessionRef session => new LiveConnection(_system, session.Session),
            Status.Failure { Cause: { } cause } => throw cause,
            _ => throw new InvalidOperationException($"The region answered {found.GetType().Name} for session '{sessionId}'."),
        };
    });
}
