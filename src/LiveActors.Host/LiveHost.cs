using System.Text.Json;
using Akka.Hosting;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveActors.Host;

/// <summary>
/// The command-line host: a Generic Host with an Akka.Hosting actor system and one Live session (<see cref="Conversation"/>).
/// Without credentials it starts the loopback emulator first. <see cref="RunAsync"/> is the entry point tests call too.
/// </summary>
internal static class LiveHost
{
    /// <summary>The project the emulator's Vertex AI path is given when none is named: the emulator takes any.</summary>
    private const string EmulatorProject = "emulator-project";

    /// <summary>Runs the command line; the result is one of <see cref="ExitCodes"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, bool inputIsTerminal)
    {
        var (arguments, usageError) = HostArguments.Parse(args);
        if (arguments is null)
        {
            error.WriteLine($"error: {usageError}");
            return ExitCodes.BadInput;
        }

        if (arguments.Help)
        {
            output.WriteLine(HostArguments.HelpText());
            return ExitCodes.Done;
        }

        var interactive = arguments.Interactive || (inputIsTerminal && arguments.Prompt is null && arguments.AudioIn is null);
        var console = new HostConsole(output, error, input, interactive, arguments.Verbose);
        try
        {
            // The files first, so that a bad one is a one-line error and nothing else: no emulator, no session.
            var audio = new AudioInput(arguments.AudioIn is { } wav ? AudioFiles.ReadInput(wav) : null);
            if (arguments.AudioOut is { } path)
            {
                AudioFiles.CheckOutput(path);
            }

            // Until the host has stopped, so no other process takes the session up while this one still writes its state.
            using var claim = arguments.Session is { } session ? ClaimState(arguments.State, session) : null;
            await using var emulator = UsesEmulator(arguments) ? await StartEmulatorAsync(arguments).ConfigureAwait(false) : null;
            var options = Options(arguments, emulator);
            var target = new SessionTarget((emulator is not null
                ? $"emulator at {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}{(arguments.Vertex ? ", Vertex AI path" : "")} (set GEMINI_API_KEY for the real service)"
                : (arguments.Vertex ? "Vertex AI" : "Gemini API (key from GEMINI_API_KEY / GOOGLE_API_KEY)")
                    + (arguments.BaseAddress is { } address ? $" at {address.Scheme}://{address.Authority}" : ""))
                + (arguments.Session is { } id ? $"; session '{id}' kept in {arguments.State}" : ""));

            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(Array.Empty<string>());
            builder.Logging.ClearProviders();
            if (arguments.Verbose)
            {
                builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }

            // The Generic Host owns shutdown (Ctrl+C closes the session gracefully first), not Akka's own CLR exit hook.
            builder.Services.AddAkka("live-host", akka =>
            {
                akka.AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend).WithLiveActorsLogging();
                if (arguments.Session is not null)
                {
                    // A region with durable state: at exit the session passivates once its handle covers everything, and a
                    // later run with the same id and file resumes it from there.
                    akka.WithLiveSessions((_, _) => options, stateFile: arguments.State);
                }
            });
            if (arguments.Session is not null)
            {
                builder.Services.AddLiveSessionsFacade();
            }

            builder.Services.AddSingleton(arguments).AddSingleton(options).AddSingleton(console).AddSingleton(audio).AddSingleton(target);
            builder.Services.AddHostedService<Conversation>();
            using var host = builder.Build();
            await host.RunAsync().ConfigureAwait(false);
            return console.ExitCode;
        }
        catch (HostInputException e)
        {
            console.Fail(ExitCodes.BadInput, e.Message, e);
            return console.ExitCode;
        }
        catch (LiveConnectionException e)
        {
            console.Fail(ExitCodes.BadInput, e.Error.Message, e);
            return console.ExitCode;
        }
    }

    /// <summary>
    /// The kept session's state, before anything starts: its folder, this process's claim on the session, then the
    /// file itself (checked under the claim, so its write probe never meets the store of another host).
    /// </summary>
    private static SessionLock ClaimState(string state, string session)
    {
        StateFile.CreateFolder(state);
        var claim = SessionLock.Acquire(state, session);
        try
        {
            StateFile.Check(state);
            return claim;
        }
        catch
        {
            claim.Dispose();
            throw;
        }
    }

    private static bool UsesEmulator(HostArguments arguments) =>
        arguments.Emulator || (!arguments.Vertex && arguments.BaseAddress is null
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LiveEnvironmentVariables.GeminiApiKey))
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(LiveEnvironmentVariables.GoogleApiKey)));

    private static async Task<LiveEmulator> StartEmulatorAsync(HostArguments arguments)
    {
        // The emulator of a later run must know this run's handles, as the service would: they are kept beside the state.
        var sessionFile = arguments.Session is not null ? EmulatorSessionFile(arguments.State) : null;
        try
        {
            return await LiveEmulator.StartAsync(new LiveEmulatorOptions { FaultRule = FaultRule(arguments.EmulatorFault), SessionFile = sessionFile })
                .ConfigureAwait(false);
        }
        catch (Exception e) when (sessionFile is not null && e is JsonException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            var message = e.Message.ReplaceLineEndings(" ");
            throw new HostInputException(
                $"--state: {(message.Contains(sessionFile, StringComparison.Ordinal) ? message : $"the emulator's session file {sessionFile} cannot be read: {message}")}; delete it to start the session afresh.",
                e);
        }
    }

    /// <summary>Where the emulator keeps its handles when the host keeps a session in <paramref name="state"/>.</summary>
    public static string EmulatorSessionFile(string state) => state + ".emulator.json";

    /// <summary>The faults a connection meets, by its number (1 is the first).</summary>
    private static Func<int, IReadOnlyList<EmulatorFault>>? FaultRule(string? fault) => fault switch
    {
        // As soon as the first prompt arrives: the turn is cut off, and the host asks again on the resumed session.
        "drop" => connection => connection == 1 ? [EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1))] : [],
        // Once the first turn is over (the handle after setupComplete, the usage-only message, three audio chunks each with
        // its transcription, generationComplete, turnComplete, the handle after the turn): the session moves to a new
        // connection before the deadline.
        "go-away" => connection => connection == 1 ? [EmulatorFault.GoAway(FaultTrigger.AfterServerMessages(11), TimeSpan.FromSeconds(10))] : [],
        // The same drop, and then the service refuses every reconnect as forbidden, which is not worth retrying.
        "give-up" => connection => connection == 1 ? [EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1))] : [EmulatorFault.RejectUpgrade(403, "The caller does not have permission.")],
        _ => null,
    };

    private static readonly HttpClient TokenHttp = new();

    internal static LiveConnectionOptions Options(HostArguments arguments, LiveEmulator? emulator)
    {
        var options = new LiveConnectionOptions
        {
            AuthStrategy = arguments.Vertex ? AuthStrategy.VertexAi : AuthStrategy.GeminiApi,
            Model = arguments.Model,
            ProjectId = arguments.Project ?? (arguments.Vertex && emulator is not null ? EmulatorProject : null),
            Location = arguments.Location,
            ApiKey = arguments.Vertex ? null : emulator?.Options.ApiKey, // null: GEMINI_API_KEY, then GOOGLE_API_KEY
            Credential = arguments.Vertex && emulator is not null ? VertexCredentials.FromAccessToken(emulator.Options.BearerToken) : null,
            BaseAddress = emulator?.BaseAddress ?? arguments.BaseAddress,
            Setup = new Setup
            {
                // Every Live model served today answers in audio only (TEXT is refused at setup): the answer is printed
                // from its transcription, and its audio is kept only for --audio-out.
                GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] },
                InputAudioTranscription = arguments.Transcribe ? new AudioTranscriptionConfig() : null,
                OutputAudioTranscription = new AudioTranscriptionConfig(),
                Tools = arguments.Tools is not null ? [HostTools.Declarations] : null,
            },
        };
        if (arguments.EphemeralTokens)
        {
            // Each connection gets its own token: one minted for a whole call would bound the call (docs/live-api.md 1.2).
            var minter = new EphemeralTokenClient(TokenHttp, options);
            options = options with { TokenProvider = async ct => (await minter.CreateAsync(new EphemeralTokenRequest { Uses = 1 }, ct).ConfigureAwait(false)).Name };
        }

        options = arguments.Timeout is { } timeout ? options with { Timeout = timeout } : options;
        options = arguments.Retries is { } retries ? options with { Retry = options.Retry with { Attempts = retries } } : options;
        return arguments.ApiVersion is { } version ? options with { ApiVersion = version } : options;
    }
}
