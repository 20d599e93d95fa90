using Akka.Actor;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static LiveActors.Live;

namespace LiveActors.Hosting.Health;

/// <summary>
/// The health of one session started with <c>WithLiveConnection</c>: its status, asked for at each check. A session
/// that does not answer within the timeout (it gave up and stopped, or is not started yet) has the registration's
/// failure status.
/// </summary>
internal sealed class LiveConnectionHealthCheck(Func<CancellationToken, Task<IActorRef>> session, TimeSpan timeout) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            using var patience = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            patience.CancelAfter(timeout);
            var actor = await session(patience.Token).ConfigureAwait(false);
            var report = await actor.Ask<StatusReport>(GetStatus.Instance, timeout, cancellationToken).ConfigureAwait(false);
            return SessionHealth.Of(report, context.Registration.FailureStatus);
        }
        catch (Exception e) when (e is AskTimeoutException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The session did not answer within {timeout}: it has ended (gave up or closed) or has not started.");
        }
    }
}
