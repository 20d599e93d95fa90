using Akka;
using Akka.Actor;

namespace LiveActors.Sessions;

/// <summary>
/// A deploy or restart: a durable region's sessions each passivate once nothing of them is in flight, with a handle
/// that covers it all stored, so the next process resumes each one exactly where it stood.
/// </summary>
internal static class RegionShutdown
{
    /// <summary>Adds the coordinated shutdown task that asks <paramref name="region"/> to drain, unless it has <paramref name="stopped"/>.</summary>
    public static void PassivateSessionsFirst(ActorSystem system, IActorRef region, Task stopped)
    {
        var shutdown = CoordinatedShutdown.Get(system);
        var timeout = shutdown.Timeout(CoordinatedShutdown.PhaseServiceRequestsDone);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceRequestsDone, "live-sessions-passivate-" + region.Path.Name, async () =>
        {
            var drained = region.Ask<SessionsDrained>(DrainSessions.Instance, timeout);
            if (await Task.WhenAny(drained, stopped).ConfigureAwait(false) == drained && drained.IsFaulted)
            {
                _ = drained.Exception; // timed out: the phase goes on; what was in flight is recovered by the usual rules
            }

            return Done.Instance;
        });
    }
}

/// <summary>The shutdown task to a region: passivate every session once nothing of it is in flight; answered with <see cref="SessionsDrained"/>.</summary>
internal sealed record DrainSessions
{
    public static readonly DrainSessions Instance = new();
}

/// <summary>Every session of the region is passivated (its handle stored) or ended.</summary>
internal sealed record SessionsDrained
{
    public static readonly SessionsDrained Instance = new();
}
