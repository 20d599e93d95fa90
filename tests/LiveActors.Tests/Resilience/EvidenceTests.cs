using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>
/// Confirmation by evidence on the Gemini API (docs/live-api.md 5.3): a message is taken as delivered only when a reply to
/// it or to a later turn came before a resumable handle. Every accepted message that is not reported uncertain must be
/// in the conversation the server resumed: the emulator's record is the proof.
/// </summary>
public sealed class EvidenceTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public async Task A_handle_on_a_slow_trip_back_confirms_only_what_the_server_had_when_it_issued_it()
    {
        // The handle issued after turn 1 reaches the client only after two more client messages: those two are not in it.
        Emulator.ScriptNextConnection(EmulatorFault.HoldResumptionUpdates(2), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(4)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("t1"), Correlation: 1));
        NextEvent<TurnCompleted>(events);

        session.Tell(new Send(ClientContent.UserText("t2"), Correlation: 2));
        session.Tell(new Send(ClientContent.UserText("t3"), Correlation: 3));
        NextEvent<SessionResumptionUpdated>(events); // turn 1's handle, sent once t3 arrived
        session.Tell(new Send(ClientContent.UserText("t4"), Correlation: 4)); // the server drops the connection at this one
        var reported = ReportedUntil<Reconnected>(events);
        session.Tell(new Send(ClientContent.UserText("after"), Correlation: 5));
        NextEvent<TurnCompleted>(events);
        await session.Ask<Closed>(Close.Instance, Patience);

        var conversation = SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages);
        Assert.Equal(["text:t1", "text:after"], conversation);
        Assert.Equal([2, 3, 4], reported.Keys.Order());
        AssertEveryMessageEndsOnce([(1, "text:t1"), (2, "text:t2"), (3, "text:t3"), (4, "text:t4"), (5, "text:after")], reported, conversation);
    }

    [Fact]
    public async Task Fast_turns_across_a_drop_are_each_in_the_resumed_conversation_or_reported()
    {
        Emulator.ScriptNextConnection(EmulatorFault.HoldResumptionUpdates(3), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(30)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        for (var i = 1; i <= 30; i++)
        {
            session.Tell(new Send(ClientContent.UserText($"t{i}"), Correlation: i)); // no waiting: replies interrupt each other
        }

        var reported = ReportedUntil<Reconnected>(events);
        session.Tell(Close.Instance);
        // What was replayed on the new connection may still be unwritten when Close comes: it fails then, as never sent.
        foreach (var failed in EventsUntil<Closed>(events).OfType<SendFailed>())
        {
            Assert.True(reported.TryAdd((int)failed.Correlation!, failed), $"{failed.Correlation} was reported twice");
        }

        var conversation = SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages);
        AssertEveryMessageEndsOnce(Enumerable.Range(1, 30).Select(i => (i, $"text:t{i}")), reported, conversation);
    }

    [Fact]
    public async Task With_resend_all_nothing_uncertain_is_reported_and_nothing_is_missing()
    {
        Emulator.ScriptNextConnection(EmulatorFault.HoldResumptionUpdates(2), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(6)));
        var options = Options with { SessionResumption = new SessionResumptionOptions { UncertainMessages = UncertainDelivery.ResendAll } };
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);

        for (var i = 1; i <= 6; i++)
        {
            session.Tell(new Send(ClientContent.UserText($"t{i}"), Correlation: i));
        }

        var reconnected = NextEvent<Reconnected>(events);
        await session.Ask<Closed>(Close.Instance, Patience);

        var conversation = SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages);
        Assert.All(Enumerable.Range(1, 6), i => Assert.Contains($"text:t{i}", conversation));
        Assert.True(reconnected.ReplayedMessages > 0);
        Assert.Empty(ReceiveWhile(TimeSpan.Zero, m => m as SendFailed));
    }

    [Fact]
    public async Task A_close_the_server_never_answers_leaves_what_it_did_not_read_uncertain_not_delivered()
    {
        // The server reads turn one and then nothing more: not turn two, not the close frame.
        Emulator.ScriptNextConnection(EmulatorFault.StopReading(FaultTrigger.AfterClientMessages(1)));
        var (session, events) = StartSession(Options with { CloseTimeout = TimeSpan.FromMilliseconds(500) });
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("t1"), Correlation: 1));
        NextEvent<TurnCompleted>(events);

        session.Tell(new Send(ClientContent.UserText("t2"), Correlation: 2));
        session.Tell(Close.Instance);
        var seen = EventsUntil<Closed>(events);

        Assert.Contains(seen, e => e is SendFailed { Correlation: 2, Error: DeliveryUncertain });
        Assert.DoesNotContain(seen, e => e is SendFailed { Correlation: 1 });
        Assert.Equal(["text:t1"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(1)).SessionMessages));
    }

    /// <summary>The SendFailed events published until <typeparamref name="T"/>, by correlation value.</summary>
    private static Dictionary<int, SendFailed> ReportedUntil<T>(TestProbe events)
    {
        var reported = new Dictionary<int, SendFailed>();
        foreach (var failed in EventsUntil<T>(events).OfType<SendFailed>())
        {
            Assert.IsType<DeliveryUncertain>(failed.Error);
            Assert.True(reported.TryAdd((int)failed.Correlation!, failed), $"{failed.Correlation} was reported twice");
        }

        return reported;
    }

    /// <summary>
    /// Each message has exactly one outcome: reported uncertain (then it may or may not be in the conversation),
    /// failed for good (never sent, so not in it), or delivered, and then the conversation the server resumed holds
    /// it, once.
    /// </summary>
    internal static void AssertEveryMessageEndsOnce(IEnumerable<(int Correlation, string Described)> sent, IReadOnlyDictionary<int, SendFailed> reported, List<string> conversation)
    {
        foreach (var (correlation, described) in sent)
        {
            var times = conversation.Count(c => c == described);
            Assert.True(times <= 1, $"{described} is in the conversation {times} times");
            Assert.True(reported.ContainsKey(correlation) || times == 1,
                $"{described} was neither reported nor in the resumed conversation: lost. Conversation: {string.Join(", ", conversation)}");
            if (reported.TryGetValue(correlation, out var failed) && failed.Error is not DeliveryUncertain)
            {
                Assert.True(times == 0, $"{described} failed with {failed.Error.Code}, a definite failure, yet the server has it");
            }
        }
    }
}
