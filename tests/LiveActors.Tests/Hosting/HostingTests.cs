using Akka.Actor;
using Akka.Event;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;
using Akka.Hosting;
using LiveActors.Emulator;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Protocol;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using GenericHost = Microsoft.Extensions.Hosting.Host;
using static LiveActors.Live;

using LiveActors.Tests.Support;

namespace LiveActors.Tests.Hosting;

/// <summary>A Generic Host with Akka.Hosting, LiveActors sessions registered in it, and the emulator on loopback.</summary>
public sealed class HostingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private LiveEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy());

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task A_session_registered_by_key_type_resolves_from_DI_and_holds_a_conversation()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("live-host-test", akka => akka.WithLiveConnection<Assistant>(o => o with
        {
            Model = "gemini-2.5-flash",
            ApiKey = _emulator.Options.ApiKey,
            BaseAddress = _emulator.BaseAddress,
        }));
        builder.Services.AddLiveConnectionFacade<Assistant>();
        using var host = builder.Build();
        await host.StartAsync();
        using var stop = new CancellationTokenSource(Patience);

        var actor = await host.Services.GetRequiredService<IRequiredActor<Assistant>>().GetAsync(stop.Token);
        var live = host.Services.GetRequiredService<ILiveConnection<Assistant>>();
        var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var turn = UntilTurnCompletedAsync(); // called, not Task.Run: the enumeration registers before the send, so it sees the whole turn
        await live.SendAsync(ClientContent.UserText("hosted"), stop.Token);
        await turn;

        Assert.Equal("live-assistant", actor.Path.Name);
        Assert.Same(actor, live.Session);
        Assert.True((await live.GetStatusAsync(stop.Token)).IsConnected);
        await live.CloseAsync(stop.Token);
        await host.StopAsync(stop.Token);

        async Task UntilTurnCompletedAsync()
        {
            while (await events.MoveNextAsync() && events.Current is not TurnCompleted)
            {
            }
        }
    }

    [Fact]
    public async Task The_facade_can_be_injected_into_a_hosted_service_built_before_the_actor_system_starts()
    {
        var sent = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("live-early-test", akka => akka.WithLiveConnection<Assistant>(o => o with
        {
            Model = "gemini-2.5-flash",
            ApiKey = _emulator.Options.ApiKey,
            BaseAddress = _emulator.BaseAddress,
        }));
        builder.Services.AddLiveConnectionFacade<Assistant>();
        builder.Services.AddHostedService(provider => new EarlySender(provider.GetRequiredService<ILiveConnection<Assistant>>(), sent));
        using var host = builder.Build();

        await host.StartAsync();

        Assert.Equal(1, await sent.Task.WaitAsync(Patience));
        var connection = await _emulator.WaitForConnectionAsync(1);
        Assert.Equal("clientContent", (await connection.WaitForMessagesAsync(2))[1].Kind);
        await host.StopAsync();
    }

    [Fact]
    public async Task Named_sessions_read_their_options_from_configuration_and_live_side_by_side()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveActors:Support:Model"] = "gemini-2.5-flash",
            ["LiveActors:Support:ApiKey"] = _emulator.Options.ApiKey,
            ["LiveActors:Support:BaseAddress"] = _emulator.BaseAddress.ToString(),
            ["LiveActors:Sales:Model"] = "gemini-3.8-live",
            ["LiveActors:Sales:ApiKey"] = _emulator.Options.ApiKey,
            ["LiveActors:Sales:BaseAddress"] = _emulator.BaseAddress.ToString(),
            ["LiveActors:Sales:Retry:Attempts"] = "7",
        });
        builder.Services.AddAkka("live-named-test", akka => akka
            .WithLiveConnection("support", configurationSection: "LiveActors:Support")
            .WithLiveConnection("sales", configurationSection: "LiveActors:Sales"));
        builder.Services.AddLiveConnectionFacade("support").AddLiveConnectionFacade("sales");
        using var host = builder.Build();
        await host.StartAsync();
        using var stop = new CancellationTokenSource(Patience);

        var support = host.Services.GetRequiredKeyedService<ILiveConnection>("support");
        var sales = host.Services.GetRequiredKeyedService<ILiveConnection>("sales");
        await support.SendAsync(ClientContent.UserText("one"), stop.Token);
        await sales.SendAsync(ClientContent.UserText("two"), stop.Token);

        var first = await _emulator.WaitForConnectionAsync(1, stop.Token);
        var second = await _emulator.WaitForConnectionAsync(2, stop.Token);
        var models = new List<string>();
        foreach (var connection in new[] { first, second })
        {
            models.Add((await connection.WaitForMessagesAsync(1, stop.Token))[0].Json);
        }

        Assert.Contains(models, json => json.Contains("models/gemini-2.5-flash\"", StringComparison.Ordinal));
        Assert.Contains(models, json => json.Contains("models/gemini-3.8-live\"", StringComparison.Ordinal));
        Assert.NotSame(support.Session, sales.Session);
        Assert.Equal(["sales", "support"], LiveConnectionRegistry.For(host.Services.GetRequiredService<ActorSystem>()).Names.Order());
        await host.StopAsync(stop.Token);
    }

    [Fact]
    public async Task Akka_logs_go_to_the_applications_logger_factory()
    {
        var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Logging.ClearProviders().AddProvider(new SignallingLoggerProvider("a warning from Akka", logged));
        builder.Services.AddAkka("live-logging-test", akka => akka.WithLiveActorsLogging());
        using var host = builder.Build();
        await host.StartAsync();

        host.Services.GetRequiredService<ActorSystem>().Log.Warning("a warning from Akka");

        await logged.Task.WaitAsync(Patience); // throws TimeoutException if the line never reaches the app's logger
        await host.StopAsync();
    }

    private sealed class Assistant;

    private sealed class EarlySender(ILiveConnection<Assistant> live, TaskCompletionSource<long> sent) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken) =>
            sent.TrySetResult(await live.SendAsync(ClientContent.UserText("early"), stoppingToken));
    }

    /// <summary>Completes <paramref name="logged"/> when a line containing <paramref name="expected"/> is logged.</summary>
    private sealed class SignallingLoggerProvider(string expected, TaskCompletionSource logged) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new SignallingLogger(expected, logged);

        public void Dispose()
        {
        }

        private sealed class SignallingLogger(string expected, TaskCompletionSource logged) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (formatter(state, exception).Contains(expected, StringComparison.Ordinal))
                {
                    logged.TrySetResult();
                }
            }
        }
    }
}
