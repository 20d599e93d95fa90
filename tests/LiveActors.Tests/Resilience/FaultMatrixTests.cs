using System.Text.Json;
using System.Text.RegularExpressions;
using Akka.Actor;
using Akka.TestKit;
using LiveActors.Auth;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// One scripted conversation of text turns and audio chunks through each fault, with transparent resumption. The
/// emulator's session log must end up holding every message the application sent, exactly once and in order, and the
/// application must have received every server message of every turn that completed.
/// </summary>
public sealed partial class FaultMatrixTests : SessionTestKit
{
    /// <summary>Texts are turns (the model answers); audio chunks are not. The fault fires on the fifth message, a chunk.</summary>
    private static readonly string[] Script = ["alpha", "~", "~", "beta", "~", "~", "gamma", "~", "delta"];

    private static readonly byte[] Chunk = new byte[3200];

    private readonly ITestOutputHelper _output;

    public FaultMatrixTests(ITestOutputHelper output)
        : base(output) => _output = output;

    public static TheoryData<string> Faults() => ["drop", "close-1011", "go-away", "silent-peer", "refused-503", "expired-handle"];

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task Every_message_reaches_the_resumed_session_exactly_once_in_order_and_every_completed_turn_arrives_whole(string fault)
    {
        var options = Options with
        {
            AuthStrategy = AuthStrategy.VertexAi,
            ApiKey = null,
            ProjectId = "matrix",
            Location = "us-central1",
            Credential = VertexCredentials.FromAccessToken(Emulator.Options.BearerToken),
            SessionResumption = new SessionResumptionOptions { Enabled = true, Transparent = true },
            KeepAliveInterval = TimeSpan.FromMilliseconds(200),
            KeepAliveTimeout = TimeSpan.FromMilliseconds(400),
        };
        var trigger = FaultTrigger.AfterClientMessages(5);
        Emulator.ScriptNextConnection(fault switch
        {
            "drop" or "expired-handle" => EmulatorFault.Drop(trigger),
            "close-1011" => EmulatorFault.Close(trigger, 1011, "Internal error encountered."),
            "go-away" => EmulatorFault.GoAway(trigger, TimeSpan.FromSeconds(1)),
            "silent-peer" => EmulatorFault.Silence,
            "refused-503" => EmulatorFault.RejectUpgrade(503),
            _ => throw new ArgumentOutOfRangeException(nameof(fault)),
        });
        var (session, events) = StartSession(options);
        var seen = new List<object>();

        for (var step = 0; step < Script.Length; step++)
        {
            if (fault == "expired-handle" && step == 4)
            {
                Emulator.ExpireResumptionHandles(); // the drop comes with this chunk; no turn, so no newer handle
            }

            var text = Script[step];
            session.Tell(new Send(text == "~" ? RealtimeInput.Pcm(Chunk) : ClientContent.UserText(text)));
            if (text != "~")
            {
                seen.AddRange(UntilTurnSettled(events));
            }
        }

        var sent = Script.Select(s => s == "~" ? "audio" : "text:" + s).ToList();
        AwaitAssert(() =>
        {
            var final = SessionLog.Describe(SessionLog.WithoutSeed(Emulator.Connections[^1].SessionMessages)); // the seed is context, checked below
            if (fault == "expired-handle")
            {
                // The fresh session holds, once and in order, what the refused one had not consumed; nothing fell between.
                var first = SessionLog.Describe(Emulator.Connections[0].SessionMessages);
                Assert.InRange(final.Count, 1, sent.Count);
                Assert.Equal(sent[^final.Count..], final);
                Assert.Equal(sent, first.Take(sent.Count - final.Count).Concat(final));
                Assert.Contains("alpha", Emulator.Connections[^1].SessionMessages[0].Json, StringComparison.Ordinal); // seeded with the answered exchanges
            }
            else
            {
                Assert.Equal(sent, final);
            }
        }, Patience);
        _output.WriteLine($"{fault}: {Emulator.Connections.Count} connections; final session: {string.Join(", ", SessionLog.Describe(Emulator.Connections[^1].SessionMessages))}");
        Assert.Equal(fault == "expired-handle", seen.Any(e => e is ResumptionRefused));

        Assert.DoesNotContain(seen, e => e is GaveUp);
        AssertCompletedTurnsAreWhole(seen);
        var replies = ReceiveWhile<object>(TimeSpan.FromMilliseconds(300), m => m, Script.Length + 1);
        Assert.Equal(Script.Length, replies.OfType<SendAccepted>().Count());
        Assert.Empty(replies.OfType<SendFailed>());
    }

    /// <summary>Events until the turn just asked for completed (with its handle) or a reconnect cut it off.</summary>
    private static List<object> UntilTurnSettled(TestProbe events)
    {
        var seen = new List<object>();
        var completed = false;
        while (true)
        {
            var next = events.ReceiveOne(Patience) ?? throw new TimeoutException($"the turn never settled; saw {string.Join(", ", seen.Select(e => e.GetType().Name))}");
            seen.Add(next);
            completed |= next is TurnCompleted;
            if (next is Reconnected || (completed && next is SessionResumptionUpdated))
            {
                return seen;
            }
        }
    }

    /// <summary>
    /// Every turn that completed carries the whole reply: all its chunks, none from a cut-off turn mixed in. A turn the
    /// next prompt interrupted ends with turnComplete too, but it is not a completed reply, so it is not checked.
    /// </summary>
    private static void AssertCompletedTurnsAreWhole(List<object> seen)
    {
        var text = "";
        var interrupted = false;
        var completed = 0;
        foreach (var e in seen)
        {
            switch (e)
            {
                case ModelTurnReceived turn:
                    text += string.Concat(turn.Turn.Parts!.Select(p => p.Text));
                    break;
                case Interrupted:
                    interrupted = true;
                    break;
                case Reconnected or Disconnected:
                    text = "";
                    interrupted = false;
                    break;
                case TurnCompleted when interrupted:
                    text = "";
                    interrupted = false;
                    break;
                case TurnCompleted:
                    Assert.Matches(WholeReply(), text);
                    Assert.Contains(WholeReply().Match(text).Groups["prompt"].Value, Script);
                    completed++;
                    text = "";
                    break;
            }
        }

        Assert.True(completed >= 2, $"only {completed} turns completed");
    }

    [GeneratedRegex("""^Turn \d+: you said "(?<prompt>[a-z]+)"$""")]
    private static partial Regex WholeReply();
}
