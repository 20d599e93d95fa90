using System.Text.Json;
using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// One conversation with <c>gemini-3.8-live</c> as the service serves it today (PROTOCOL.md §1.5, §3.2, §3.6, §4.5, §5.3,
/// §5.5), against the emulator playing that model: an early goAway before any handle, mid-session clientContent to seed
/// context, NON_BLOCKING calls answered WHEN_IDLE and SILENT, a drop mid-reply, and a poisoned handle. Every turn the
/// application sends ends answered or reported, and nothing the model refuses is ever sent.
/// </summary>
public sealed class Gemini38ConversationTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private static readonly JsonElement Paris = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement;

    [Fact]
    public async Task A_3_8_conversation_ends_with_every_turn_answered_or_reported()
    {
        // Connection 1: goAway 300 s early, before any handle. Connection 2 is slow enough to be dropped mid-reply.
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AtSetupComplete, TimeSpan.FromSeconds(300)));
        Emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMilliseconds(30)));
        var (session, events) = StartSession(Served("gemini-3.8-live"));
        NextEvent<Connected>(events);
        Assert.DoesNotContain(EventsUntil<Reconnected>(events), e => e is Disconnected); // handed over at once, not cut at the deadline

        Assert.Contains("you said \"hello\"", Ask(session, events, "hello", 1), StringComparison.Ordinal);
        session.Tell(new Send(new ClientContent { Turns = [Content.FromText("My name is Ada."), Content.FromText("Hello Ada!", Roles.Model)], TurnComplete = false }, 2));
        Assert.Contains("you said \"What is my name?\"", Ask(session, events, "What is my name?", 3), StringComparison.Ordinal);

        var whenIdle = Call(session, events, 4);
        session.Tell(new Send(Answer(whenIdle, FunctionResponseScheduling.WhenIdle), 5));
        Assert.Contains("get_weather returned", Words(EventsUntil<InteractionCompleted>(events)), StringComparison.Ordinal);
        var silent = Call(session, events, 6);
        session.Tell(new Send(Answer(silent, FunctionResponseScheduling.Silent), 7)); // no reply follows a SILENT answer

        var dropped = await Emulator.WaitForConnectionAsync(2);
        session.Tell(new Send(ClientContent.UserText("Tell me a long story."), 8));
        NextEvent<TranscriptionReceived>(events); // the reply streams
        Emulator.PoisonResumptionHandles(); // from now on every resume dies on its first input
        dropped.Drop();
        var cut = NextEvent<ReplyCut>(events);
        Assert.Equal(8, cut.Correlation);

        // Each resume with the poisoned handle dies on the first input; after max-resumes-per-handle a new session starts.
        var afterDrop = new List<object>();
        for (var ping = 9; ping < 20 && !afterDrop.Any(e => e is ResumptionRefused); ping++)
        {
            session.Tell(new Send(ClientContent.UserText($"ping {ping}"), ping));
            afterDrop.AddRange(EventsUntil<Event>(events, where: e => (e is SendFailed f && f.Correlation is int c && c == ping) || e is InteractionCompleted));
        }

        Assert.Contains(afterDrop, e => e is ResumptionRefused); // the handle was abandoned, the model told to have lost context
        Assert.Contains(afterDrop, e => e is Reconnected { Resumed: false });
        Assert.Contains("you said \"last\"", Ask(session, events, "last", 20), StringComparison.Ordinal);
        await session.Ask<Closed>(Close.Instance, Patience);

        var connections = Emulator.Connections;
        Assert.All(connections, c => Assert.Null(c.Violation));
        Assert.Contains(dropped.SessionMessages, m => m.Kind == "clientContent" && m.Json.Contains("My name is Ada.", StringComparison.Ordinal));
        Assert.Equal([ToolResponseOutcome.WhenIdle, ToolResponseOutcome.Silent], dropped.ToolResponses.Select(r => r.Outcome));
        var fresh = connections[^1];
        Assert.Contains("hello", fresh.SessionMessages[0].Json, StringComparison.Ordinal); // the new session is seeded with the conversation so far
    }

    private string Ask(IActorRef session, TestProbe events, string text, int correlation)
    {
        session.Tell(new Send(ClientContent.UserText(text), correlation));
        return Words(EventsUntil<InteractionCompleted>(events));
    }

    private static string Call(IActorRef session, TestProbe events, int correlation)
    {
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}"), correlation));
        var call = NextEvent<ToolCallReceived>(events);
        NextEvent<InteractionCompleted>(events); // NON_BLOCKING on 3.8: the turn ends, the call runs on
        return call.Call.FunctionCalls![0].Id!;
    }

    private static ToolResponse Answer(string id, string scheduling) => new()
    {
        FunctionResponses = [new FunctionResponse { Id = id, Name = "get_weather", Response = Paris, Scheduling = scheduling }],
    };

    private static List<object> EventsUntil<T>(TestProbe events, Func<object, bool> where)
    {
        var seen = new List<object>();
        while (true)
        {
            var message = events.ReceiveOne(Patience) ?? throw new Xunit.Sdk.XunitException($"nothing more within {Patience}; saw {string.Join(", ", seen.Select(e => e.GetType().Name))}");
            seen.Add(message);
            if (where(message))
            {
                return seen;
            }
        }
    }
}
