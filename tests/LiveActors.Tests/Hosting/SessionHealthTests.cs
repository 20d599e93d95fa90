using LiveActors.Hosting.Health;
using LiveActors.Sessions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Hosting;

/// <summary>What each status means for a health check, for a session and for a region.</summary>
public sealed class SessionHealthTests
{
    [Theory]
    [InlineData(ConnectionStatus.Connected, 0, 1, HealthStatus.Healthy)]
    [InlineData(ConnectionStatus.Passivated, 0, 1, HealthStatus.Healthy)]
    [InlineData(ConnectionStatus.Connecting, 0, 0, HealthStatus.Degraded)]
    [InlineData(ConnectionStatus.Connecting, 1, 1, HealthStatus.Degraded)]
    [InlineData(ConnectionStatus.Reconnecting, 1, 1, HealthStatus.Degraded)]
    [InlineData(ConnectionStatus.HandingOver, 0, 1, HealthStatus.Degraded)]
    [InlineData(ConnectionStatus.Closing, 0, 1, HealthStatus.Unhealthy)]
    [InlineData(ConnectionStatus.Closed, 0, 1, HealthStatus.Unhealthy)]
    public void A_session_status_maps_to_its_health(ConnectionStatus status, int attempt, int connections, HealthStatus expected)
    {
        var result = SessionHealth.Of(new StatusReport(status, attempt, null, Resumable: true, connections), HealthStatus.Unhealthy);

        Assert.Equal(expected, result.Status);
        Assert.Equal(status.ToString(), result.Data["status"]);
    }

    [Fact]
    public void A_session_that_gave_up_names_its_error_and_the_registration_chooses_how_bad_that_is()
    {
        var result = SessionHealth.Of(new StatusReport(ConnectionStatus.Closed, 3, new ConnectionFailed("refused"), Resumable: false, 1), HealthStatus.Degraded);

        Assert.Equal(HealthStatus.Degraded, result.Status); // the registration's failure status
        Assert.Equal("connection_failed", result.Data["last_error"]);
        Assert.Contains("Gave up", result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_region_is_degraded_by_a_session_on_its_way_back_and_fails_on_a_give_up()
    {
        var window = TimeSpan.FromMinutes(1);

        Assert.Equal(HealthStatus.Healthy, SessionHealth.Of(new LiveSessions.RegionHealth(3, 1, 1, 0, 0, 1, 0, 0, null), window, HealthStatus.Unhealthy).Status);
        Assert.Equal(HealthStatus.Degraded, SessionHealth.Of(new LiveSessions.RegionHealth(3, 2, 0, 1, 0, 0, 0, 0, null), window, HealthStatus.Unhealthy).Status);
        Assert.Equal(HealthStatus.Degraded, SessionHealth.Of(new LiveSessions.RegionHealth(3, 2, 0, 0, 1, 0, 0, 0, null), window, HealthStatus.Unhealthy).Status);
        Assert.Equal(HealthStatus.Degraded, SessionHealth.Of(new LiveSessions.RegionHealth(3, 2, 0, 0, 0, 0, 1, 0, null), window, HealthStatus.Unhealthy).Status);
        var failed = SessionHealth.Of(new LiveSessions.RegionHealth(3, 3, 0, 0, 0, 0, 0, 1, "upgrade_failed"), window, HealthStatus.Unhealthy);
        Assert.Equal(HealthStatus.Unhealthy, failed.Status);
        Assert.Equal("upgrade_failed", failed.Data["last_gave_up_with"]);
    }
}
