using Akka.Actor;
using Akka.Hosting;
using LiveActors.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiveActors.Hosting.Health;

/// <summary>
/// Health checks for LiveActors sessions started with Akka.Hosting, one builder call each:
/// <code>
/// services.AddHealthChecks().AddLiveConnection&lt;Assistant&gt;().AddLiveSessions();
/// </code>
/// Healthy: connected (or passivated, for a region's idle sessions). Degraded: connecting, reconnecting, or handing over
/// after goAway. The registration's failure status (Unhealthy by default): closed, gave up, no answer, or, for a region,
/// sessions that gave up lately.
/// </summary>
public static class LiveActorsHealthCheckExtensions
{
    /// <summary>How long a check waits for a session's or a region's answer, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    /// <summary>How far back a region's sessions that gave up make it unhealthy, unless told otherwise.</summary>
    public static readonly TimeSpan DefaultGaveUpWithin = TimeSpan.FromMinutes(1);

    /// <summary>A check of the session started with <c>WithLiveConnection&lt;TKey&gt;</c>, named <c>liveactors-TKEY</c> unless <paramref name="name"/> says.</summary>
    public static IHealthChecksBuilder AddLiveConnection<TKey>(this IHealthChecksBuilder builder, string? name = null, HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var wait = Positive(timeout, nameof(timeout));
        return builder.Add(new HealthCheckRegistration(name ?? $"liveactors-{typeof(TKey).Name}",
            provider => new LiveConnectionHealthCheck(token => provider.GetRequiredService<IRequiredActor<TKey>>().GetAsync(token), wait),
            failureStatus, tags));
    }

    /// <summary>A check of the session started with <c>WithLiveConnection(sessionName)</c>, named <c>liveactors-SESSIONNAME</c> unless <paramref name="name"/> says.</summary>
    public static IHealthChecksBuilder AddLiveConnection(this IHealthChecksBuilder builder, string sessionName, string? name = null, HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(sessionName);
        var wait = Positive(timeout, nameof(timeout));
        return builder.Add(new HealthCheckRegistration(name ?? $"liveactors-{sessionName}",
            provider => new LiveConnectionHealthCheck(token => LiveConnectionRegistry.For(provider.GetRequiredService<ActorSystem>()).GetAsync(sessionName, token), wait),
            failureStatus, tags));
    }

    /// <summary>
    /// A check of the local region started with <c>WithLiveSessions</c>, named <c>liveactors-sessions</c> unless
    /// <paramref name="name"/> says; sessions that gave up within <paramref name="gaveUpWithin"/> (a minute) make it fail.
    /// A region on Akka.Cluster.Sharding has its own health in the cluster's; check its sessions one by one.
    /// </summary>
    public static IHealthChecksBuilder AddLiveSessions(this IHealthChecksBuilder builder, string? name = null, HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null, TimeSpan? timeout = null, TimeSpan? gaveUpWithin = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var wait = Positive(timeout, nameof(timeout));
        var window = Positive(gaveUpWithin ?? DefaultGaveUpWithin, nameof(gaveUpWithin));
        return builder.Add(new HealthCheckRegistration(name ?? "liveactors-sessions",
            provider => new LiveSessionsHealthCheck(token => provider.GetRequiredService<IRequiredActor<LiveSessions>>().GetAsync(token), wait, window),
            failureStatus, tags));
    }

    private static TimeSpan Positive(TimeSpan? value, string parameter) => value switch
    {
        null => DefaultTimeout,
        { } given when given > TimeSpan.Zero => given,
        { } given => throw new ArgumentOutOfRangeException(parameter, given, $"A LiveActors health check's {parameter} must be positive."),
    };
}
