using Akka.Actor;
using LiveActors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;

var emulator = args.Length > 0 ? new Uri(args[0]) : null; // as in the first conversation
var options = new LiveConnectionOptions
{
    Model = "gemini-3.8-live",
    BaseAddress = emulator,
    ApiKey = emulator is null ? null : "test-key",
    Setup = new Setup { GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] }, OutputAudioTranscription = new AudioTranscriptionConfig() },
};

using var system = ActorSystem.Create("calls");
var done = new TaskCompletionSource();
var printer = system.ActorOf(Props.Create(() => new Printer(done)), "printer");
var session = ConnectionSupervisor.Start(system, options, printer, loggerFactory: null, name: "call-1");

var accepted = await session.Ask<Live.SendAccepted>(new Live.Send(ClientContent.UserText("Hello!"))); // or a typed failure, thrown
Console.WriteLine($"[send {accepted.Sequence} accepted]");
await done.Task;
var status = await session.Ask<Live.StatusReport>(Live.GetStatus.Instance);
Console.WriteLine($"[{status.Status}]");
await session.Ask<Live.Closed>(Live.Close.Instance);

/// <summary>Prints the reply as it streams in, and says when the answer is complete.</summary>
internal sealed class Printer : ReceiveActor
{
    public Printer(TaskCompletionSource done)
    {
        Receive<Live.ModelTurnReceived>(chunk => Console.Write(chunk.Text));
        Receive<Live.TranscriptionReceived>(spoken => Console.Write(spoken.Transcription.Text));
        Receive<Live.Disconnected>(lost => Console.WriteLine($"[disconnected: {lost.Error.Code}; retrying: {lost.WillRetry}]"));
        Receive<Live.SendFailed>(failed => Console.WriteLine($"[send {failed.Sequence}: {failed.Error.Code}]"));
        Receive<Live.InteractionCompleted>(_ => done.TrySetResult());
        ReceiveAny(_ => { }); // Connected, TurnCompleted, UsageReported, SessionResumptionUpdated, ...
    }
}
