using Akka.Actor;
using Akka.Hosting;
using LiveActors.Emulator;
using LiveActors.Facade;
using LiveActors.Hosting;
using LiveActors.Sessions;
using Microsoft.Extensions.DependencyInjection;
using GenericHost = Microsoft.Extensions.Hosting.Host;

using LiveActors.Protocol;
using LiveActors.Tests.Support;

namespace LiveActors.Tests.Hosting;

/// <summary>A LiveSessions region registered with Akka.Hosting, each session with options of its own.</summary>
public sealed class SessionsHostingTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly string _stateFile = Path.Combine(Path.GetTempPath(), $"live-sessions-hosting-{Guid.NewGuid():N}.db");
    private LiveEmulator _emulator = null!;

    public async Task InitializeAsync() => _emulator = await LiveEmulator.StartAsync(SessionTestKit.Legacy());

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        foreach (var path in new[] { _stateFile, _stateFile + "-wal", _stateFile + "-shm" })
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_region_resolves_from_DI_and_each_id_gets_its_own_options()
    {
        var builder = GenericHost.CreateApplicationBuilder();
        builder.Services.AddAkka("live-sessions-test", akka => akka.WithLiveSessions(
            (id, configured) => id.StartsWith("thinking", StringComparison.Ordinal)
                ? configured with
                {
                    Model = "gemini-3.8-live-extended-thinking",
                    ApiKey = _emulator.Options.ApiKey,
                    BaseAddress = _emulator.BaseAddress,
                    Setup = new Setup
                    {
                        GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio], ThinkingConfig = new ThinkingConfig { ThinkingLevel = "LOW" } },
                        OutputAudioTranscription = new AudioTranscriptionConfig(),
                    },
                }
                : configured with { Model = "gemini-2.5-flash", ApiKey = _emulator.Options.ApiKey, BaseAddress = _emulator.BaseAddress },
            sessions => sessions with { MaxOpenSessions = 50 },
            stateFile: _stateFile));
        builder.Services.AddLiveSessionsFacade();
        using var host = builder.Build();
        await host.StartAsync();
        using var stop = new CancellationTokenSource(Patience);

        var region = await host.Services.GetRequiredService<IRequiredActor<LiveSessions>>().GetAsync(stop.Token);
        var sessions = host.Services.GetRequiredService<ILiveSessions>();
        var plain = await sessions.Get("user-1").AskAsync("hello", stop.Token);
        var thinking = await sessions.Get("thinking-1").AskAsync("hello", stop.Token);

        Assert.Equal("live-sessions", region.Path.Name);
        Assert.Equal("Turn 1: you said \"hello\"", plain.Text);
        Assert.Contains("on reflection", thinking.Transcript, StringComparison.Ordinal); // the extended-thinking model, by id
        Assert.Equal(new LiveSessions.RegionStatus(2, 2), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, stop.Token));
        Assert.True(File.Exists(_stateFile)); // the sessions' state is kept in the SQLite file, created on first use
        await host.StopAsync(stop.Token);
    }
}
