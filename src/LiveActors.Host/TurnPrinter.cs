using Akka.Actor;
using LiveActors.Events;
using LiveActors.Messages;

namespace LiveActors.Host;

/// <summary>Subscribes to a session and prints it: status changes on their own lines, the reply as it streams in.</summary>
internal sealed class TurnPrinter : ReceiveActor
{
    public TurnPrinter(TextWriter output, TaskCompletionSource<int> turnDone)
    {
        Receive<Connected>(_ => output.WriteLine("[connected]"));
        Receive<Reconnected>(e => output.WriteLine($"[reconnected; session {(e.Resumed ? "resumed" : "started afresh")}]"));
        Receive<Disconnected>(e => output.WriteLine($"[disconnected: {e.Error}{(e.WillRetry ? $"; retrying in {e.RetryIn?.TotalMilliseconds:0} ms" : "")}]"));
        Receive<ModelTurnReceived>(e =>
        {
            foreach (var part in e.Turn.Parts ?? [])
            {
                output.Write(part.Text);
            }
        });
        Receive<TurnCompleted>(_ =>
        {
            output.WriteLine();
            turnDone.TrySetResult(0);
        });
        Receive<GaveUp>(e =>
        {
            output.WriteLine($"[gave up: {e.Error}]");
            turnDone.TrySetResult(1);
        });
        Receive<Closed>(_ => output.WriteLine("[closed]"));
        ReceiveAny(_ => { });
    }
}
