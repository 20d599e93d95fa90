using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Sessions;

/// <summary>A region of sessions by id: routing, start on first use, close, passivation and its cap.</summary>
public sealed class LiveSessionsTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public void An_envelope_starts_the_session_on_first_use_and_its_replies_come_back_as_from_the_session()
    {
        var region = Region();
        var events = CreateTestProbe();

        region.Tell(new LiveSessions.Envelope("call-1", new Subscribe(events.Ref)));
        ExpectMsg<Subscribed>();
        region.Tell(new LiveSessions.Envelope("call-1", new Send(ClientContent.UserText("hello"), Correlation: "c1")));

        Assert.Equal("c1", ExpectMsg<SendAccepted>().Correlation);
        var reply = string.Concat(EventsUntil<InteractionCompleted>(events).OfType<ModelTurnReceived>().Select(t => t.Text));
        Assert.Equal("Turn 1: you said \"hello\"", reply);
    }

    [Fact]
    public async Task Each_id_is_its_own_session()
    {
        var region = Region();

        region.Tell(new LiveSessions.Envelope("a", GetStatus.Instance));
        region.Tell(new LiveSessions.Envelope("b", GetStatus.Instance));
        ExpectMsg<StatusReport>();
        ExpectMsg<StatusReport>();
        var a = await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("a"), Patience);
        var b = await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("b"), Patience);

        Assert.NotEqual(a.Session, b.Session);
        Assert.Equal(a.Session, (await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("a"), Patience)).Session);
        Assert.Equal(new LiveSessions.RegionStatus(2, 2), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience));
    }

    [Fact]
    public async Task Close_ends_the_session_and_what_comes_after_it_goes_to_a_new_one()
    {
        var region = Region();
        region.Tell(new LiveSessions.Envelope("call", new Send(ClientContent.UserText("one"))));
        ExpectMsg<SendAccepted>();
        var first = (await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("call"), Patience)).Session;
        Watch(first);
        await (await Emulator.WaitForConnectionAsync(1).WaitAsync(Patience)).WaitForMessagesAsync(1).WaitAsync(Patience); // connected, so the next is connection 2

        region.Tell(new LiveSessions.Envelope("call", Close.Instance));
        region.Tell(new LiveSessions.Envelope("call", new Send(ClientContent.UserText("two"))));

        // In any order: Closed, the old session's end, and "two" taken by the new session once the old one was gone
        // ("one" may be reported too: closed before the server showed it had it).
        var seen = new List<object>();
        while (!(seen.Any(m => m is Closed) && seen.Any(m => m is Terminated) && seen.Any(m => m is SendAccepted)))
        {
            seen.Add(await ReceiveOneAsync(Patience) ?? throw new TimeoutException($"saw only {string.Join(", ", seen)}"));
        }

        Assert.Equal(first, seen.OfType<Terminated>().Single().ActorRef);
        var second = await Emulator.WaitForConnectionAsync(2).WaitAsync(Patience);
        await second.WaitForMessagesAsync(2).WaitAsync(Patience);

        Assert.Equal(["text:two"], SessionLog.Describe(second.SessionMessages)); // a new conversation
    }

    [Fact]
    public void A_session_whose_options_cannot_be_made_refuses_the_message_and_the_region_goes_on()
    {
        var region = Region(id => id switch
        {
            "bad" => Options with { Model = "" },
            "no-key" => Options with { ApiKey = null },
            _ => Options,
        });

        region.Tell(new LiveSessions.Envelope("bad", GetStatus.Instance));
        var refused = ExpectMsg<Status.Failure>();
        region.Tell(new LiveSessions.Envelope("no-key", GetStatus.Instance));
        var noKey = ExpectMsg<Status.Failure>();
        region.Tell(new LiveSessions.Envelope("good", GetStatus.Instance));

        Assert.Equal("model", Assert.IsType<InvalidOption>(((LiveConnectionException)refused.Cause).Error).ConfigKey);
        Assert.IsType<NoApiKey>(((LiveConnectionException)noKey.Cause).Error);
        ExpectMsg<StatusReport>();
    }

    [Fact]
    public async Task An_idle_session_passivates_and_the_next_send_resumes_its_conversation_unseen_by_the_sender()
    {
        var region = Region(passivateAfter: TimeSpan.FromMilliseconds(300));
        var events = CreateTestProbe();
        region.Tell(new LiveSessions.Envelope("call", new Subscribe(events.Ref)));
        ExpectMsg<Subscribed>();
        region.Tell(new LiveSessions.Envelope("call", new Send(ClientContent.UserText("one"))));
        ExpectMsg<SendAccepted>();
        NextEvent<InteractionCompleted>(events);

        NextEvent<Live.Passivated>(events);
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended.WaitAsync(Patience)).Kind);
        Assert.Equal(new LiveSessions.RegionStatus(1, 0), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience));
        region.Tell(new LiveSessions.Envelope("call", new Send(ClientContent.UserText("two"))));

        ExpectMsg<SendAccepted>();
        Assert.True(NextEvent<Reconnected>(events).Resumed);
        var reply = string.Concat(EventsUntil<InteractionCompleted>(events).OfType<ModelTurnReceived>().Select(t => t.Text));
        Assert.Equal("Turn 2: you said \"two\"", reply); // the same conversation, on a new connection
        ExpectNoMsg(TimeSpan.Zero);
    }

    [Fact]
    public async Task Past_the_cap_the_least_recently_used_idle_session_passivates_first()
    {
        var region = Region(maxOpen: 2);
        var oldest = Subscribed(region, "a");
        var middle = Subscribed(region, "b");
        region.Tell(new LiveSessions.Envelope("b", GetStatus.Instance)); // b used after a
        ExpectMsg<StatusReport>();

        var newest = Subscribed(region, "c");

        NextEvent<Live.Passivated>(oldest);
        middle.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        Assert.Equal(new LiveSessions.RegionStatus(3, 2), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience));
        Assert.NotNull(newest);
    }

    [Fact]
    public async Task The_facade_gives_one_connection_per_id_and_a_new_one_after_its_session_closed()
    {
        var region = Region();
        var sessions = new LiveSessionsFacade(Sys, region);
        using var stop = new CancellationTokenSource(Patience);

        var live = sessions.Get("user-7");
        var reply = await live.AskAsync("hello", stop.Token);
        Assert.Same(live, sessions.Get("user-7"));
        await live.CloseAsync(stop.Token);
        var again = sessions.Get("user-7");

        Assert.Equal("Turn 1: you said \"hello\"", reply.Text);
        Assert.NotSame(live, again);
        Assert.Equal(LiveReplyEnd.Completed, (await again.AskAsync("back", stop.Token)).End);
    }

    /// <summary>Subscribes a new probe to session <paramref name="id"/> and waits until it has connected (so it has a handle).</summary>
    private TestProbe Subscribed(IActorRef region, string id)
    {
        var events = CreateTestProbe();
        region.Tell(new LiveSessions.Envelope(id, new Subscribe(events.Ref)));
        ExpectMsg<Subscribed>();
        NextEvent<SessionResumptionUpdated>(events);
        return events;
    }

    private IActorRef Region(Func<string, LiveConnectionOptions>? options = null, TimeSpan? passivateAfter = null, int maxOpen = 10_000) =>
        Sys.ActorOf(LiveSessions.Props(
            new LiveSessionsOptions(options ?? (_ => Options)) { PassivateAfter = passivateAfter, MaxOpenSessions = maxOpen },
            TestEnvironment.Empty));
}
