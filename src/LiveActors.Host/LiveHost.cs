using Akka.Hosting;
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
    /// <summary>Exit codes: 0 done, 1 the session failed, 2 bad options or credentials, 64 bad command line.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader input, bool inputIsTerminal)
    {
        var (arguments, usageError) = HostArguments.Parse(args);
        if (arguments is null)
        {
            error.WriteLine($"error: {usageError}");
            return 64;
        }

        if (arguments.Help)
        {
            output.WriteLine(HostArguments.HelpText());
            return 0;
        }

        var interactive = arguments.Interactive || (inputIsTerminal && arguments.Prompt is null && arguments.AudioIn is null);
        var console = new HostConsole(output, error, input, interactive, arguments.Verbose);
        try
        {
            // Read the audio before anything starts, so that a bad file is a one-line error and nothing else.
            var audio = new AudioInput(arguments.AudioIn is { } wav ? WavFile.ReadPcm(wav, 16_000) : null);
            await using var emulator = UsesEmulator(arguments) ? await StartEmulatorAsync(arguments).ConfigureAwait(false) : null;
            var options = Options(arguments, emulator);
            output.WriteLine(emulator is not null
                ? $"emulator at {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)} (set GEMINI_API_KEY for the real service)"
                : arguments.Vertex ? "Vertex AI" : "Gemini API (key from GEMINI_API_KEY / GOOGLE_API_KEY)");

            var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(Array.Empty<string>());
            builder.Logging.ClearProviders();
            if (arguments.Verbose)
            {
                builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Debug);
            }

            // The Generic Host owns shutdown (Ctrl+C closes the session gracefully first), not Akka's own CLR exit hook.
            builder.Services.AddAkka("live-host", akka => akka
                .AddHocon("akka.coordinated-shutdown.run-by-clr-shutdown-hook = off", HoconAddMode.Prepend)
                .WithLiveActorsLogging());
            builder.Services.AddSingleton(arguments).AddSingleton(options).AddSingleton(console).AddSingleton(audio);
            builder.Services.AddHostedService<Conversation>();
            using var host = builder.Build();
            await host.RunAsync().ConfigureAwait(false);
            return console.ExitCode;
        }
        catch (Exception e) when (e is LiveConnectionException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            console.Fail(2, e is LiveConnectionException live ? live.Error.Message : $"--audio-in: {e.Message}", e);
            return console.ExitCode;
        }
    }

    private static bool UsesEmulator(HostArguments arguments) =>
        arguments.Emulator || (!arguments.Vertex
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GEMINI_API_KEY"))
            && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GOOGLE_API_KEY")));

    private static async Task<LiveEmulator> StartEmulatorAsync(HostArguments arguments)
    {
        var emulator = await LiveEmulator.StartAsync().ConfigureAwait(false);
        switch (arguments.EmulatorFault)
        {
            case "drop":
                // As soon as the first prompt arrives: the turn is cut off, and the host asks again on the resumed session.
                emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1)));
                break;
            case "go-away":
                // Once the first turn is over (the handle after setupComplete, three chunks, generationComplete,
                // turnComplete, the handle after the turn): the session moves to a new connection before the deadline.
                emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterServerMessages(7), TimeSpan.FromSeconds(10)));
                break;
        }

        return emulator;
    }

    private static LiveConnectionOptions Options(HostArguments arguments, LiveEmulator? emulator)
    {
        var audioOut = arguments.AudioOut is not null;
        var options = new LiveConnectionOptions
        {
            AuthStrategy = arguments.Vertex && emulator is null ? AuthStrategy.VertexAi : AuthStrategy.GeminiApi,
            Model = arguments.Model,
            ProjectId = arguments.Project,
            Location = arguments.Location,
            ApiKey = emulator?.Options.ApiKey, // null: GEMINI_API_KEY, then GOOGLE_API_KEY
            BaseAddress = emulator?.BaseAddress,
            Setup = new Setup
            {
                GenerationConfig = new GenerationConfig { ResponseModalities = [audioOut ? Modalities.Audio : Modalities.Text] },
                InputAudioTranscription = arguments.Transcribe ? new AudioTranscriptionConfig() : null,
                OutputAudioTranscription = arguments.Transcribe ? new AudioTranscriptionConfig() : null,
            },
        };
        return arguments.ApiVersion is { } version ? options with { ApiVersion = version } : options;
    }
}
