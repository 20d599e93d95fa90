using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Dispatch;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace LiveActors.Tests.Support;

/// <summary>
/// An actor test against a real emulator on loopback: each test gets its own emulator, options that point at it, and
/// helpers that wait for events with TestKit probes (never with sleeps).
/// </summary>
public abstract class SessionTestKit : Akka.TestKit.Xunit2.TestKit, IAsyncLifetime
{
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    protected SessionTestKit(ITestOutputHelper output, string? config = null)
        : base(config ?? "akka.loglevel = WARNING", output: output)
    {
    }

    protected LiveEmulator Emulator { get; private set; } = null!;

    protected virtual LiveEmulatorOptions EmulatorOptions => new() { ReplyChunks = 3 };

    /// <summary>The setup an extended-thinking model needs: thinkingLevel is required there (docs/live-api.md 5.5).</summary>
    public static readonly Setup ThinkingLow = new() { GenerationConfig = new GenerationConfig { ThinkingConfig = new ThinkingConfig { ThinkingLevel = "LOW" } } };

    /// <summary>Options for the emulator: short retry delays so tests that reconnect stay quick.</summary>
    protected LiveConnectionOptions Options => new()
    {
        Model = "gemini-2.5-flash",
        ApiKey = "test-key",
        BaseAddress = Emulator.BaseAddress,
        Timeout = TimeSpan.FromSeconds(10),
        Retry = new RetryOptions { Attempts = 3, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromSeconds(1) },
    };

    /// <remarks>
    /// The tests use non-Live model names (<c>gemini-2.5-flash</c>) that the service, and so the emulator by default,
    /// refuses with 1008: the kit serves them with the emulator's legacy rules (text replies, no setup checks).
    /// </remarks>
    /// <summary>
    /// Options for a model the service serves (and so the emulator, with its rules): audio replies with output
    /// transcription, as every served model answers, and the thinkingLevel extended thinking requires.
    /// </summary>
    protected LiveConnectionOptions Served(string model) => Options with
    {
        Model = model,
        Setup = new Setup
        {
            GenerationConfig = new GenerationConfig
            {
                ResponseModalities = [Modalities.Audio],
                ThinkingConfig = model.Contains("extended-thinking", StringComparison.Ordinal) ? new ThinkingConfig { ThinkingLevel = "LOW" } : null,
            },
            OutputAudioTranscription = new AudioTranscriptionConfig(),
        },
    };

    /// <summary>The words of a reply: its text parts, and the output transcription of its audio.</summary>
    protected static string Words(IEnumerable<object> events) => string.Concat(events.Select(e => e switch
    {
        Live.ModelTurnReceived turn => turn.Text,
        Live.TranscriptionReceived { Source: Live.TranscriptionSource.Output } t => t.Transcription.Text,
        _ => null,
    }));

    public virtual async Task InitializeAsync() => Emulator = await LiveEmulator.StartAsync(Legacy(EmulatorOptions));

    /// <summary>The emulator options with non-Live model names served by the legacy rules, for tests written before the emulator knew the served models.</summary>
    public static LiveEmulatorOptions Legacy(LiveEmulatorOptions? options = null) =>
        (options ?? new LiveEmulatorOptions()) with { UnknownModels = UnknownModelPolicy.AcceptWithLegacyRules };

    public virtual async Task DisposeAsync()
    {
        await Emulator.DisposeAsync();
    }

    /// <summary>
    /// Starts a session subscribed by a new probe from its start, so the probe sees every event. The session sees
    /// no environment variables (a developer's GEMINI_API_KEY or GOOGLE_CLOUD_PROJECT must not change a test).
    /// </summary>
    protected (IActorRef Session, TestProbe Events) StartSession(LiveConnectionOptions? options = null, ILoggerFactory? logs = null)
    {
        var events = CreateTestProbe();
        var session = Sys.ActorOf(SessionDispatcher.On(Sys, ConnectionSupervisor.Props(options ?? Options, logs, TestEnvironment.Empty, events.Ref)));
        return (session, events);
    }

    /// <summary>The next event of type <typeparamref name="T"/> (that matches), skipping others.</summary>
    protected static T NextEvent<T>(TestProbe events, Func<T, bool>? where = null, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Patience);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no {typeof(T).Name} within {within ?? Patience}");
            var message = events.ReceiveOne(left);
            if (message is T typed && (where is null || where(typed)))
            {
                return typed;
            }
        }
    }

    /// <summary>Every event up to and including the first <typeparamref name="T"/>.</summary>
    protected static List<object> EventsUntil<T>(TestProbe events, TimeSpan? within = null)
    {
        var seen = new List<object>();
        var deadline = DateTime.UtcNow + (within ?? Patience);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            Assert.True(left > TimeSpan.Zero, $"no {typeof(T).Name} within {within ?? Patience}; saw {string.Join(", ", seen.Select(e => e.GetType().Name))}");
            if (events.ReceiveOne(left) is not { } message)
            {
                continue; // timed out: the assertion above reports what was seen
            }

            seen.Add(message);
            if (message is T)
            {
                return seen;
            }
        }
    }
}
