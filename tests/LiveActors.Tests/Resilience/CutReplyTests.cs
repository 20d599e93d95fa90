using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator.Faults;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Resilience;

/// <summary>A reply cut by a drop is not continued by the server (docs/live-api.md 5.3), so the session says so.</summary>
public sealed class CutReplyTests(ITestOutputHelper output) : SessionTestKit(output)
{
    // The reply comes slowly; the test pokes the server once it has the first chunk, and the server drops the
    // connection at the poke, while the rest of the reply is still to come.
    private static EmulatorFault[] DropMidReply => [EmulatorFault.Delay(TimeSpan.FromMilliseconds(300)), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2))];

    private LiveConnectionOptions AskingAgain => Options with { SessionResumption = new SessionResumptionOptions { AskAgainAfterCutReply = true } };

    private static void PokeAtFirstChunk(IActorRef session, TestProbe events)
    {
        NextEvent<ModelTurnReceived>(events);
        session.Tell(Poke.Send);
    }

    [Fact]
    public async Task A_drop_while_the_reply_streams_names_the_turn_and_its_correlation()
    {
        Emulator.ScriptNextConnection(DropMidReply);
        var (session, events) = StartSession();
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("one"), Correlation: "turn-1"));
        PokeAtFirstChunk(session, events);
        var seen = EventsUntil<Reconnected>(events);

        var cut = Assert.Single(seen.OfType<ReplyCut>());
        Assert.Equal(1, cut.Sequence);
        Assert.Equal("turn-1", cut.Correlation);
        Assert.IsType<ConnectionFailed>(cut.Cause);
        Assert.False(cut.AskedAgain);
        Assert.DoesNotContain(seen, e => e is TurnCompleted);
        Assert.Empty(SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages)); // not asked again
    }

    [Fact]
    public async Task With_ask_again_the_turn_goes_first_on_the_resumed_connection_once_and_is_answered_whole()
    {
        Emulator.ScriptNextConnection(DropMidReply);
        var (session, events) = StartSession(AskingAgain);
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("one"), Correlation: "turn-1"));
        PokeAtFirstChunk(session, events);
        var seen = EventsUntil<Reconnected>(events);
        var answer = EventsUntil<TurnCompleted>(events);

        Assert.True(Assert.Single(seen.OfType<ReplyCut>()).AskedAgain);
        Assert.DoesNotContain(seen, e => e is SendFailed { Correlation: "turn-1" }); // sent again, not reported
        Assert.Equal("Turn 1: you said \"one\"", string.Concat(answer.OfType<ModelTurnReceived>().Select(t => t.Text)));
        Assert.Equal(["text:one"], SessionLog.Describe((await Emulator.WaitForConnectionAsync(2)).SessionMessages));
        Assert.Equal("turn-1", ExpectMsg<SendAccepted>().Correlation);
        Assert.Equal("poke", ExpectMsg<SendAccepted>().Correlation);
        Assert.Equal("poke", ExpectMsg<SendFailed>().Correlation); // the poke was uncertain; the turn was not reported
    }

    [Fact]
    public void A_turn_asked_again_is_not_asked_a_third_time()
    {
        Emulator.ScriptNextConnection(DropMidReply);
        Emulator.ScriptNextConnection(DropMidReply);
        var (session, events) = StartSession(AskingAgain);
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("one"), Correlation: "turn-1"));
        PokeAtFirstChunk(session, events);
        var first = NextEvent<ReplyCut>(events);
        PokeAtFirstChunk(session, events); // the turn, asked again on the second connection, is cut again
        var second = NextEvent<ReplyCut>(events);
        var failed = NextEvent<SendFailed>(events, f => f.Correlation is "turn-1");

        Assert.True(first.AskedAgain);
        Assert.False(second.AskedAgain);
        Assert.Equal("turn-1", failed.Correlation); // the second time it is reported like any uncertain message
    }

    [Fact]
    public void Closing_during_a_reply_is_the_users_doing_and_no_cut_is_reported()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMilliseconds(200)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("one")));
        NextEvent<ModelTurnReceived>(events);

        session.Tell(Close.Instance);

        Assert.DoesNotContain(EventsUntil<Closed>(events), e => e is ReplyCut);
    }

    [Fact]
    public async Task The_facade_shows_a_cut_reply_among_its_events()
    {
        Emulator.ScriptNextConnection(DropMidReply);
        using var stop = new CancellationTokenSource(Patience);
        var live = LiveConnection.Start(Sys, Options);
        await using var events = live.EventsAsync(stop.Token).GetAsyncEnumerator(stop.Token);

        await live.SendAsync(ClientContent.UserText("one"), stop.Token);
        while (await events.MoveNextAsync() && events.Current is not ModelTurnReceived)
        {
        }

        await live.SendAsync(Poke.Send.Message, stop.Token);
        while (await events.MoveNextAsync() && events.Current is not ReplyCut)
        {
        }

        Assert.Equal(1, Assert.IsType<ReplyCut>(events.Current).Sequence);
        await live.CloseAsync(stop.Token);
    }
}
