using Akka.Actor;
using LiveActors.Sessions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveActors.Hosting.Health;

/// <summary>
/// The health of a local <see cref="LiveSessions"/> region: every session's status, gathered by the region at each
/// check, and the sessions that gave up within <paramref name="gaveUpWithin"/> (they have left the region by then).
/// </summary>
internal sealed class LiveSessionsHealthCheck(Func<CancellationToken, Task<IActorRef>> region, TimeSpan timeout, TimeSpan gaveUpWithin) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(timeout);
            var actor = await region(patience.Token).ConfigureAwait(false);
            // The region waits `timeout` for its sessions, then answers: give the answer itself as long again.
            var health = await actor.Ask<LiveSessions.RegionHealth>(new LiveSessions.GetRegionHealth(timeout, gaveUpWithin), timeout * 2, cancellationToken).ConfigureAwait(false);
            return SessionHealth.Of(health, gaveUpWithin, context.Registration.FailureStatus);
        }
        catch (Exception e) when (e is AskTimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The LiveSessions region did not answer within {timeout * 2}.");
        }
    }
}
