using LiveActors.Sessions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static LiveActors.Live;

namespace LiveActors.Hosting.Health;

/// <summary>
/// What a session's status and a region's counts mean for a health check: messages flow (healthy), the session is
/// on its way back or not there yet (degraded: connecting, reconnecting, handing over after goAway), or it is over
/// (the registration's failure status: closed, gave up, sessions of the region giving up). The data carries statuses,
/// counts and error codes, never a credential or a handle.
/// </summary>
internal static class SessionHealth
{
    public static HealthCheckResult Of(StatusReport report, HealthStatus failureStatus)
    {
        var data = new Dictionary<string, object>
        {
            ["status"] = report.Status.ToString(),
            ["attempt"] = report.Attempt,
            ["connections"] = report.Connections,
            ["pending_messages"] = report.PendingMessages,
            ["unconfirmed_messages"] = report.UnconfirmedMessages,
        };
        if (report.LastError is { } error)
        {
            data["last_error"] = error.Code;
        }

        return report.Status switch
        {
            ConnectionStatus.Connected => HealthCheckResult.Healthy("Connected: messages flow.", data),
            ConnectionStatus.Passivated => HealthCheckResult.Healthy("Passivated: idle, its handle kept; the next send resumes it.", data),
            ConnectionStatus.Connecting when report.Connections == 0 && report.Attempt == 0 => HealthCheckResult.Degraded("Connecting for the first time.", data: data),
            ConnectionStatus.Connecting or ConnectionStatus.Reconnecting => HealthCheckResult.Degraded($"Reconnecting (attempt {report.Attempt}) after {report.LastError?.Code ?? "a drop"}.", data: data),
            ConnectionStatus.HandingOver => HealthCheckResult.Degraded("Handing over to a new connection after goAway.", data: data),
            ConnectionStatus.Closing => new HealthCheckResult(failureStatus, "Closing.", data: data),
            _ => new HealthCheckResult(failureStatus, report.LastError is { } last ? $"Gave up: {last.Code}." : "Closed.", data: data),
        };
    }

    public static HealthCheckResult Of(LiveSessions.RegionHealth health, TimeSpan gaveUpWithin, HealthStatus failureStatus)
    {
        var data = new Dictionary<string, object>
        {
            ["sessions"] = health.Sessions,
            ["connected"] = health.Connected,
            ["connecting"] = health.Connecting,
            ["reconnecting"] = health.Reconnecting,
            ["handing_over"] = health.HandingOver,
            ["passivated"] = health.Passivated,
            ["unanswered"] = health.Unanswered,
            ["gave_up"] = health.GaveUp,
        };
        if (health.LastGaveUpWith is { } code)
        {
            data["last_gave_up_with"] = code;
        }

        var summary = $"{health.Sessions} sessions: {health.Connected} connected, {health.Passivated} passivated, {health.Connecting} connecting, " +
            $"{health.Reconnecting} reconnecting, {health.HandingOver} handing over, {health.Unanswered} unanswered; {health.GaveUp} gave up in the last {gaveUpWithin}.";
        return health switch
        {
            { GaveUp: > 0 } => new HealthCheckResult(failureStatus, summary, data: data),
            { Reconnecting: > 0 } or { HandingOver: > 0 } or { Unanswered: > 0 } => HealthCheckResult.Degraded(summary, data: data),
            _ => HealthCheckResult.Healthy(summary, data),
        };
    }
}
