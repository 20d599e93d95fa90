using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Configuration;
using LiveActors;
using LiveActors.Errors;
using LiveActors.Hosting;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using static LiveActors.Live;

// Hosts durable sessions (SQLite) against an emulator and turns on each of them, one at a time per session, all
// sessions at once, until it is killed. One line per fact, flushed as it happens:
//   READY                       the region is up and every session subscribed
//   ACK ID SEQUENCE TEXT        a Send was accepted (SendAccepted) with this sequence
//   ANSWER ID TEXT              the model answered the turn with this text
//   FAILED ID SEQUENCE CODE     a Send failed (delivery_uncertain is uncertain: written, not shown to have arrived)
//   CUT ID SEQUENCE             the reply to a Send was cut by a dropped connection
// Arguments: EMULATOR-ADDRESS STATE-FILE RUN SESSIONS; or --cluster and a node's (LiveActors.CrashHost.ClusterNode).
if (args is ["--cluster", .. var node])
{
    return await LiveActors.CrashHost.ClusterNode.RunAsync(node);
}

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: LiveActors.CrashHost EMULATOR-ADDRESS STATE-FILE RUN SESSIONS");
    return 2;
}

var address = new Uri(args[0]);
var run = args[2];
var sessions = int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture);
var system = ActorSystem.Create("crash", LiveSessionsSqlite.Config(args[1]).WithFallback(ConfigurationFactory.ParseString("akka.loglevel = WARNING")));
var connection = new LiveConnectionOptions
{
    Model = "gemini-2.5-flash",
    ApiKey = "test-key",
    BaseAddress = address,
    Timeout = TimeSpan.FromSeconds(10),
    Retry = new RetryOptions { Attempts = 5, Delay = TimeSpan.FromMilliseconds(10), MaxDelay = TimeSpan.FromMilliseconds(200) },
};
var region = system.ActorOf(LiveSessions.Props(new LiveSessionsOptions(_ => connection) { PassivateAfter = null }), "calls");
var answered = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
var ids = Enumerable.Range(1, sessions).Select(i => $"s{i}").ToList();
foreach (var id in ids)
{
    var printer = system.ActorOf(Props.Create(() => new Printer(id, answered)));
    await region.Ask<Subscribed>(new LiveSessions.Envelope(id, new Subscribe(printer)), TimeSpan.FromSeconds(30));
}

Console.WriteLine("READY");
await Task.WhenAll(ids.Select(TurnsAsync));
return 0;

async Task TurnsAsync(string id)
{
    for (var turn = 1; ; turn++)
    {
        var text = $"{id}-r{run}-t{turn}";
        var done = answered.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            var accepted = await region.Ask<SendAccepted>(new LiveSessions.Envelope(id, new Send(ClientContent.UserText(text), Correlation: text)), TimeSpan.FromSeconds(30));
            Console.WriteLine($"ACK {id} {accepted.Sequence} {text}");
        }
        catch (LiveConnectionException e)
        {
            Console.WriteLine($"REFUSED {id} {text} {e.Error.Code}");
            continue;
        }

        try
        {
            await done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            Console.WriteLine($"STUCK {id} {text}"); // the test counts it as lost
        }
    }
}

/// <summary>Prints a session's outcomes, and tells the turn loop its turn is over.</summary>
internal sealed class Printer : ReceiveActor
{
    public Printer(string id, ConcurrentDictionary<string, TaskCompletionSource> answered)
    {
        Receive<ModelTurnReceived>(turn =>
        {
            // The emulator says: Turn N: you said "TEXT".
            if (turn.Text is { } said && said.IndexOf('"', StringComparison.Ordinal) is var open and >= 0 && said.LastIndexOf('"') is var close && close > open)
            {
                var text = said[(open + 1)..close];
                Console.WriteLine($"ANSWER {id} {text}");
                Done(text);
            }
        });
        Receive<SendFailed>(failed =>
        {
            Console.WriteLine($"FAILED {id} {failed.Sequence} {failed.Error.Code}");
            Done(failed.Correlation as string);
        });
        Receive<ReplyCut>(cut =>
        {
            Console.WriteLine($"CUT {id} {cut.Sequence}");
            Done(cut.Correlation as string);
        });
        ReceiveAny(_ => { });

        void Done(string? text)
        {
            if (text is not null && answered.TryGetValue(text, out var done))
            {
                done.TrySetResult();
            }
        }
    }
}
