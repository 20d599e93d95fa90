using System.Globalization;

namespace LiveActors.Host;

/// <summary>What the command line asked for. <see cref="Parse"/> reads it; a mistake is one line that says what to fix.</summary>
internal sealed record HostArguments
{
    public const string DefaultPrompt = "Hello from LiveActors! What can you do?";

    public string? Prompt { get; init; }

    public string Model { get; init; } = DefaultModel;

    /// <summary>Google's default Live model (GA); gemini-live-2.5-flash-preview was shut down on 2025-12-09.</summary>
    public const string DefaultModel = "gemini-3.8-live";

    public string? ApiVersion { get; init; }

    public bool Vertex { get; init; }

    public bool EphemeralTokens { get; init; }

    public string? Project { get; init; }

    public string? Location { get; init; }

    public bool Emulator { get; init; }

    public string? EmulatorFault { get; init; }

    public string? AudioIn { get; init; }

    public string? AudioOut { get; init; }

    public bool Transcribe { get; init; }

    /// <summary>The tools the host declares and answers itself (<c>echo</c>); null: none.</summary>
    public string? Tools { get; init; }

    public bool Interactive { get; init; }

    /// <summary>The id of a session kept in a LiveSessions region with its state in <see cref="State"/>; null: a session for this run only.</summary>
    public string? Session { get; init; }

    /// <summary>The SQLite file of the session's state (with <see cref="Session"/>).</summary>
    public string State { get; init; } = DefaultState;

    public const string DefaultState = "live-sessions.db";

    /// <summary>Connect here instead of Google's host (a proxy, a regional endpoint); null: the service's own address.</summary>
    public Uri? BaseAddress { get; init; }

    /// <summary>How many reconnects in a row before the session gives up; null: the library's default.</summary>
    public int? Retries { get; init; }

    /// <summary>The budget for one whole connect (TCP, TLS, upgrade, setup); null: the library's default.</summary>
    public TimeSpan? Timeout { get; init; }

    public bool Verbose { get; init; }

    public bool Help { get; init; }

    private bool StateGiven { get; init; }

    public static readonly IReadOnlyList<(string Flag, string Value, string Meaning)> Usage =
    [
        ("--prompt", "TEXT", $"the first turn (default \"{DefaultPrompt}\")"),
        ("--model", "NAME", $"the Live model (default {DefaultModel})"),
        ("--api-version", "V", "Gemini API version: v1, v1beta (default) or v1alpha"),
        ("--vertex", "", "use Vertex AI (credentials: VERTEX_ACCESS_TOKEN, GOOGLE_APPLICATION_CREDENTIALS or gcloud ADC)"),
        ("--ephemeral-tokens", "", "connect with a fresh single-use ephemeral token, minted from the key before every connection, as a browser or phone would"),
        ("--project", "ID", "Vertex AI project (else VERTEX_PROJECT_ID / GOOGLE_CLOUD_PROJECT)"),
        ("--location", "LOC", "Vertex AI location (else VERTEX_LOCATION / GOOGLE_CLOUD_LOCATION, else us-central1)"),
        ("--emulator", "", "use the built-in loopback emulator even when credentials are set (with --vertex: its Vertex AI path)"),
        ("--emulator-fault", "drop|go-away|give-up", "the emulator drops the connection or sends goAway (watch the session resume), or drops it and refuses to reconnect (watch it give up)"),
        ("--audio-in", "FILE.wav", "send a 16 kHz 16-bit mono PCM WAV as realtimeInput audio"),
        ("--audio-out", "FILE.wav", "write the 24 kHz audio of the reply to a WAV file"),
        ("--transcribe", "", "ask for the transcription of audio input too, and show both transcriptions as [you: ...] and [model: ...] lines"),
        ("--tools", "echo", "declare a tool 'echo' and answer every call with its arguments (calls are always shown; undeclared ones are answered with an error)"),
        ("--interactive", "", "after the first turn, read turns from stdin (the default on a terminal without --prompt)"),
        ("--session", "ID", "keep the session under this id when the host exits, and go on with it when run again with the same id"),
        ("--state", "FILE", $"with --session: the SQLite file that keeps it (default {DefaultState}; holds its resumption handle, a secret)"),
        ("--base-address", "URL", "connect here instead of Google's host (a proxy, a regional endpoint); needs credentials, not the emulator"),
        ("--retries", "N", "reconnect at most N times in a row before giving up (default 3; the waits are 1 s, 2 s, 4 s, ...)"),
        ("--timeout", "SECONDS", "the budget for one whole connect: TCP, TLS, upgrade and setup (default 30)"),
        ("--verbose", "", "show debug logs and stack traces"),
        ("--help", "", "show this help"),
    ];

    /// <summary>The arguments, or the one line that says what is wrong with them.</summary>
    public static (HostArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args)
    {
        var parsed = new HostArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal)
                ? args[++i]
                : throw new FormatException($"{flag} needs a value ({Usage.First(u => u.Flag == flag).Value}).");
            try
            {
                parsed = flag switch
                {
                    "--prompt" => parsed with { Prompt = Value() },
                    "--model" => parsed with { Model = Value() },
                    "--api-version" => parsed with { ApiVersion = Value() },
                    "--vertex" => parsed with { Vertex = true },
                    "--ephemeral-tokens" => parsed with { EphemeralTokens = true },
                    "--project" => parsed with { Project = Value() },
                    "--location" => parsed with { Location = Value() },
                    "--emulator" => parsed with { Emulator = true },
                    "--emulator-fault" => parsed with { EmulatorFault = Fault(Value()) },
                    "--audio-in" => parsed with { AudioIn = Value() },
                    "--audio-out" => parsed with { AudioOut = Value() },
                    "--transcribe" => parsed with { Transcribe = true },
                    "--tools" => parsed with { Tools = ToolSet(Value()) },
                    "--interactive" => parsed with { Interactive = true },
                    "--session" => parsed with { Session = Value() },
                    "--state" => parsed with { State = Value(), StateGiven = true },
                    "--base-address" => parsed with { BaseAddress = Address(Value()) },
                    "--retries" => parsed with { Retries = Count(flag, Value()) },
                    "--timeout" => parsed with { Timeout = Seconds(flag, Value()) },
                    "--verbose" => parsed with { Verbose = true },
                    "--help" or "-h" or "-?" => parsed with { Help = true },
                    _ => throw new FormatException($"unknown option {flag}; see --help."),
                };
            }
            catch (FormatException e)
            {
                return (null, e.Message);
            }
        }

        if (parsed.StateGiven && parsed.Session is null)
        {
            return (null, "--state keeps a session: add --session ID.");
        }

        if (parsed.Session is { } session && string.IsNullOrWhiteSpace(session))
        {
            return (null, "--session needs an id that is not blank, such as --session call-1.");
        }

        if (parsed.BaseAddress is not null && (parsed.Emulator || parsed.EmulatorFault is not null))
        {
            return (null, "--base-address names a real endpoint: drop it to use the emulator, or drop --emulator.");
        }

        if (parsed.EphemeralTokens && parsed.Vertex)
        {
            return (null, "--ephemeral-tokens is for the Gemini API: Vertex AI authenticates with a Google credential.");
        }

        if (parsed.EmulatorFault is not null && parsed.Vertex && !parsed.Emulator)
        {
            return (null, "--emulator-fault works with the emulator: add --emulator or drop --vertex.");
        }

        return (parsed, null);
    }

    public static string HelpText()
    {
        var lines = new List<string>
        {
            "usage: dotnet run --project src/LiveActors.Host [-- OPTIONS]",
            "",
            "Holds one Gemini Live session: sends the prompt (or audio), streams the reply, shows status changes and a",
            "telemetry summary. Without GEMINI_API_KEY / GOOGLE_API_KEY (or --vertex) it runs against the built-in",
            "loopback emulator, so it works on a machine with no network.",
            "",
        };
        lines.AddRange(Usage.Select(u => string.Create(CultureInfo.InvariantCulture, $"  {(u.Flag + " " + u.Value).PadRight(32)}{u.Meaning}")));
        lines.Add("");
        lines.Add("exit codes:");
        lines.AddRange(ExitCodes.All.Select(c => string.Create(CultureInfo.InvariantCulture, $"  {c.Code,-4}{c.Meaning}")));
        return string.Join(Environment.NewLine, lines);
    }

    private static string Fault(string value) => value is "drop" or "go-away" or "give-up"
        ? value
        : throw new FormatException($"--emulator-fault must be drop, go-away or give-up (was '{value}').");

    private static Uri Address(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var address) && address.Scheme is "ws" or "wss" or "http" or "https"
            ? address
            : throw new FormatException($"--base-address must be an absolute ws, wss, http or https URL (was '{value}').");

    private static int Count(string flag, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new FormatException($"{flag} must be a whole number, 0 or more (was '{value}').");

    private static TimeSpan Seconds(string flag, string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) && seconds > 0 && seconds <= 3600
            ? TimeSpan.FromSeconds(seconds)
            : throw new FormatException($"{flag} must be a number of seconds above 0, at most 3600 (was '{value}').");

    private static string ToolSet(string value) => value is "echo"
        ? value
        : throw new FormatException($"--tools must be echo (was '{value}').");
}
