using System.Diagnostics;
using Akka.Actor;
using LiveActors.Actors;
using LiveActors.Emulator;
using LiveActors.Errors;
using LiveActors.Host;
using LiveActors.Messages;
using LiveActors.Options;
using LiveActors.Protocol;

// One Live session, one turn: the prompt goes out, the reply streams to the console, the session closes.
// With GEMINI_API_KEY (or GOOGLE_API_KEY) set it talks to the Gemini API; without, to the emulator started here on loopback.
// (Akka.Hosting, the interactive mode, audio and Vertex AI options come with the hosting issue.)
var prompt = args is ["--prompt", var text, ..] ? text : "Hello from LiveActors!";
if (args is ["--help" or "-h", ..])
{
    Console.WriteLine("usage: dotnet run --project src/LiveActors.Host [-- --prompt TEXT]");
    Console.WriteLine("env:   GEMINI_API_KEY or GOOGLE_API_KEY (else the built-in emulator), LIVE_MODEL (default gemini-live-2.5-flash-preview)");
    return 0;
}

var hasKey = !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GEMINI_API_KEY"))
    || !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("GOOGLE_API_KEY"));
await using var emulator = hasKey ? null : await LiveEmulator.StartAsync();
var options = new LiveConnectionOptions
{
    Model = Environment.GetEnvironmentVariable("LIVE_MODEL") ?? "gemini-live-2.5-flash-preview",
    ApiKey = emulator?.Options.ApiKey, // null: the library reads GEMINI_API_KEY, then GOOGLE_API_KEY
    BaseAddress = emulator?.BaseAddress,
    Setup = new Setup { GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Text] } },
};
Console.WriteLine(emulator is null
    ? "Gemini API (key from GEMINI_API_KEY / GOOGLE_API_KEY)"
    : $"emulator at {emulator.BaseAddress.GetLeftPart(UriPartial.Authority)} (set GEMINI_API_KEY for the real service)");

using var system = ActorSystem.Create("live-host", "akka.loglevel = WARNING");
var turnDone = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
var printer = system.ActorOf(Props.Create(() => new TurnPrinter(Console.Out, turnDone)), "printer");
IActorRef session;
try
{
    session = system.ActorOf(ConnectionSupervisor.Props(options, printer), "session");
}
catch (LiveConnectionException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var clock = Stopwatch.StartNew();
Console.WriteLine($"> {prompt}");
await session.Ask<SendAccepted>(new Send(ClientContent.UserText(prompt)));
var code = await turnDone.Task.WaitAsync(options.ReceiveTimeout).ConfigureAwait(false);
await session.Ask<Closed>(Close.Instance, options.CloseTimeout * 2);
var status = await session.Ask<StatusReport>(GetStatus.Instance);
Console.WriteLine($"[turn took {clock.ElapsedMilliseconds} ms; {status.Connections} connection(s); status {status.Status}]");
return code;
