using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Supervision.Delivery;
using LiveActors.Telemetry;
using Microsoft.Extensions.Logging;

namespace LiveActors.Supervision;

/// <summary>
/// What a session tells its region (its parent) and its keeper about its life: it passivated, it woke, it drained for
/// a shutdown, it is ending. A session no region manages (<see cref="IdleWatch.Enabled"/> false) tells its parent only
/// what it is asked for. Each call returns the <see cref="Effects"/> the actor performs.
/// </summary>
/// <param name="region">The session's parent: its region, when one manages it.</param>
/// <param name="idle">When the session passivates, and whether it drains.</param>
/// <param name="resumable">Session resumption is on: a passivated session keeps a handle.</param>
/// <param name="effects">The session's effects buffer.</param>
/// <param name="logger">The session's logger.</param>
internal sealed class RegionReports(IActorRef region, IdleWatch idle, bool resumable, Effects effects, ILogger logger)
{
    /// <summary>The socket closed after <paramref name="idleFor"/> idle, the handle kept: the region and the subscribers hear it, and a drain is done.</summary>
    public Effects Passivated(TimeSpan idleFor)
    {
        Log.Passivated(logger, idleFor);
        effects.Tell(region, SessionPassivated.Instance);
        effects.Publish(new Live.Passivated(idleFor));
        if (idle.Draining)
        {
            effects.Tell(region, SessionDrained.Instance);
        }

        return effects;
    }

    /// <summary>A Send came for the passivated session: it connects again.</summary>
    public Effects Woke()
    {
        Log.Woke(logger);
        effects.Tell(region, SessionWoke.Instance);
        return effects;
    }

    /// <summary>
    /// The process shuts down: from now on the session passivates as soon as nothing is in flight; one that cannot
    /// resume has nothing to keep, and says it is drained at once.
    /// </summary>
    public Effects Drain()
    {
        idle.Drain();
        return resumable ? effects : Drained();
    }

    /// <summary>The session is drained: passivated, or with nothing a handle could keep.</summary>
    public Effects Drained()
    {
        effects.Tell(region, SessionDrained.Instance);
        return effects;
    }

    /// <summary>
    /// The session closed (as <paramref name="closeRequesters"/> asked) or gave up (with <paramref name="gaveUpWith"/>):
    /// its keeper drops its state, and its region, which answers the requesters, sends what comes next to a new session.
    /// </summary>
    public Effects Ending(IReadOnlyList<IActorRef> closeRequesters, ConnectionError? gaveUpWith = null)
    {
        effects.Keep(DurableEnded.Instance);
        if (idle.Enabled)
        {
            effects.Tell(region, new SessionEnding(closeRequesters, gaveUpWith));
        }

        return effects;
    }
}
