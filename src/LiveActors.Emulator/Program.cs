using System.Globalization;
using System.Runtime.InteropServices;
using LiveActors.Emulator;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// Standalone emulator: the first line is always "listening ws://127.0.0.1:PORT", so tools outside .NET can find it.
// Bad input (an argument, a session file, a port taken) is one line on stderr and exit code 2, never a stack trace.
const int BadInput = 2;
var options = new LiveEmulatorOptions();
var faults = new List<(int? Connection, LiveActors.Emulator.Faults.EmulatorFault Fault)>();
try
{
    for (var i = 0; i < args.Length; i++)
    {
        string Value() => i + 1 < args.Length ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
        switch (args[i])
        {
            case "--port": options = options with { Port = Number("--port", Value(), 0, 65535) }; break;
            case "--api-key": options = options with { ApiKey = Value() }; break;
            case "--bearer-token": options = options with { BearerToken = Value() }; break;
            case "--tls": options = options with { Tls = true }; break;
            case "--http2": options = options with { Protocols = HttpProtocols.Http1AndHttp2 }; break;
            case "--session-file": options = options with { SessionFile = Value() }; break;
            case "--reply-chunks": options = options with { ReplyChunks = Number("--reply-chunks", Value(), 0, int.MaxValue) }; break;
            case "--fault": faults.Add(FaultSpec.Parse(Value())); break;
            case "--unknown-models": options = options with { UnknownModels = UnknownModels(Value()) }; break;
            case "--gemini-3.1-early-2026": options = options with { Gemini31Early2026 = true }; break;
            case "--tool-prompt-help": Console.WriteLine(ToolConvention.Help); return 0;
            case "--help" or "-h":
                Console.WriteLine("usage: LiveActors.Emulator [--port N] [--api-key KEY] [--bearer-token TOKEN] [--tls] [--http2]");
                Console.WriteLine("                           [--reply-chunks N] [--session-file PATH] [--fault SPEC]...");
                Console.WriteLine("                           [--unknown-models refuse|accept-legacy] [--gemini-3.1-early-2026] [--tool-prompt-help]");
                Console.WriteLine("models served (setup.model, last path segment, by prefix; PROTOCOL.md 5.5):");
                Console.WriteLine(ModelHelp.Text);
                Console.WriteLine("faults:");
                Console.WriteLine(FaultSpec.Help);
                return 0;
            default: throw new FormatException($"Unknown option {args[i]}; see --help.");
        }
    }
}
catch (Exception e) when (e is FormatException or OverflowException or ArgumentException)
{
    return Refuse(e);
}

// SIGINT (Ctrl+C) and SIGTERM (docker stop, systemd, a test harness) end the run cleanly with exit code 0. They are
// taken with PosixSignalRegistration, not Console.CancelKeyPress and ProcessExit: a ProcessExit handler runs only as
// the process is already going away, and cancelling a source that Main has disposed by then threw on the way out.
var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
void Stop(PosixSignalContext context)
{
    context.Cancel = true; // the runtime's default would end the process before the emulator has closed its sockets
    stopped.TrySetResult();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
LiveEmulator started;
try
{
    started = await LiveEmulator.StartAsync(options with { FaultRule = FaultSpec.Rule(faults) });
}
catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
{
    return Refuse(e);
}

await using (var emulator = started)
{
    Console.WriteLine($"listening {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)}");
    await stopped.Task;
}

return 0;

static int Number(string option, string text, int least, int most) =>
    int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= least && number <= most
        ? number
        : throw new FormatException($"{option} takes a whole number from {least} to {most}, not '{text}'.");

static UnknownModelPolicy UnknownModels(string text) => text switch
{
    "refuse" => UnknownModelPolicy.Refuse,
    "accept-legacy" => UnknownModelPolicy.AcceptWithLegacyRules,
    _ => throw new FormatException($"--unknown-models takes refuse or accept-legacy, not '{text}'."),
};

static int Refuse(Exception error)
{
    Console.Error.WriteLine(error.Message.ReplaceLineEndings(" "));
    return BadInput;
}
