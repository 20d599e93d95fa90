using Akka.Actor;
using Akka.Hosting;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Hosting.Health;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using GenericHost = Microsoft.Extensions.Hosting.Host;

using LiveActors.Tests.Support;

namespace LiveActors.Tests.Hosting;

/// <summary>The health checks, run by the health check service ASP.NET's endpoint runs, against sessions on the emulator.</summary>
public sealed class HealthCheckTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60); // a hang guard: regions start slowly beside other work
    private readonly string _stateFile = Path.Combine(Path.GetTempPath(), $"live-health-{Guid.NewGuid():N}.db");
    private LiveEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy());

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        File.Delete(_stateFile);
    }

    /// <summary>Options whose retries wait long enough for a check to see the session reconnecting.</summary>
    private LiveConnectionOptions Options(LiveConnectionOptions configured) => configured with
    {
        Model = "gemini-2.5-flash",
        ApiKey = _emulator.Options.ApiKey,
        BaseAddress = _emulator.BaseAddress,
        Retry = new RetryOptions { Attempts = 3, Delay = TimeSpan.FromMinutes(1), MaxDelay = TimeSpan.FromMinutes(1) },
    };

    [Fact]
    public async Task A_session_is_healthy_when_connected_degraded_while_reconnecting_and_unhealthy_once_gone()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("live-health-test", akka => akka.WithLiveConnection<Assistant>(Options));
        builder.Services.AddHealthChecks().AddLiveConnection<Assistant>(timeout: TimeSpan.FromMilliseconds(500));
        using var host = builder.Build();
        await host.StartAsync();
        using var stop = new CancellationTokenSource(Patience);
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await UntilAsync(health, "liveactors-Assistant", HealthStatus.Healthy, stop.Token);
        (await _emulator.WaitForConnectionAsync(1, stop.Token)).Drop();
        var reconnecting = await UntilAsync(health, "liveactors-Assistant", HealthStatus.Degraded, stop.Token);
        await (await host.Services.GetRequiredService<IRequiredActor<Assistant>>().GetAsync(stop.Token)).Ask<Live.Closed>(Live.Close.Instance, stop.Token);
        var closed = await UntilAsync(health, "liveactors-Assistant", HealthStatus.Unhealthy, stop.Token);

        Assert.Equal("Reconnecting", reconnecting.Data["status"]);
        Assert.Equal("connection_failed", reconnecting.Data["last_error"]);
        Assert.Contains("did not answer", closed.Description, StringComparison.Ordinal); // the session stopped once closed
        await host.StopAsync(stop.Token);
    }

    [Fact]
    public async Task A_region_is_healthy_with_its_sessions_connected_degraded_with_one_reconnecting_and_unhealthy_when_one_gave_up()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("live-region-health-test", akka => akka.WithLiveSessions((_, configured) => Options(configured), stateFile: _stateFile));
        builder.Services.AddLiveSessionsFacade();
        builder.Services.AddHealthChecks().AddLiveSessions(tags: ["live"]);
        using var host = builder.Build();
        await host.StartAsync();
        using var stop = new CancellationTokenSource(Patience);
        var health = host.Services.GetRequiredService<HealthCheckService>();
        var sessions = host.Services.GetRequiredService<ILiveSessions>();

        await sessions.Get("call-1").AskAsync("hello", stop.Token);
        await sessions.Get("call-2").AskAsync("hello", stop.Token);
        var healthy = await UntilAsync(health, "liveactors-sessions", HealthStatus.Healthy, stop.Token);
        (await _emulator.WaitForConnectionAsync(1, stop.Token)).Drop();
        var degraded = await UntilAsync(health, "liveactors-sessions", HealthStatus.Degraded, stop.Token);
        _emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(403, "API key not valid."));
        Assert.Equal(LiveReplyEnd.NotDelivered, (await sessions.Get("call-3").AskAsync("hello", stop.Token)).End); // refused, so it gave up (call-1 waits a minute to retry)
        var unhealthy = await UntilAsync(health, "liveactors-sessions", HealthStatus.Unhealthy, stop.Token);

        Assert.Equal(2, healthy.Data["connected"]);
        Assert.Equal(1, degraded.Data["reconnecting"]);
        Assert.Equal(1, degraded.Data["connected"]);
        Assert.Equal(1, unhealthy.Data["gave_up"]);
        Assert.Equal("upgrade_failed", unhealthy.Data["last_gave_up_with"]);
        Assert.Equal(["live"], unhealthy.Tags);
        await host.StopAsync(stop.Token);
    }

    [Fact]
    public void A_timeout_or_window_that_is_not_positive_is_refused_by_name()
    {
        var checks = new ServiceCollection().AddHealthChecks();

        var timeout = Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddLiveConnection<Assistant>(timeout: TimeSpan.Zero));
        var window = Assert.Throws<ArgumentOutOfRangeException>(() => checks.AddLiveSessions(gaveUpWithin: TimeSpan.FromSeconds(-1)));

        Assert.Equal("timeout", timeout.ParamName);
        Assert.Equal("gaveUpWithin", window.ParamName);
    }

    /// <summary>Runs the checks until <paramref name="name"/> reports <paramref name="status"/>; its entry then.</summary>
    private static async Task<HealthReportEntry> UntilAsync(HealthCheckService health, string name, HealthStatus status, CancellationToken cancellationToken)
    {
        HealthReportEntry entry = default;
        while (!cancellationToken.IsCancellationRequested)
        {
            var report = await health.CheckHealthAsync(cancellationToken);
            entry = report.Entries[name];
            if (entry.Status == status)
            {
                return entry;
            }
        }

        throw new Xunit.Sdk.XunitException($"{name} never reported {status}; last: {entry.Status} ({entry.Description})");
    }

    private sealed class Assistant;
}
