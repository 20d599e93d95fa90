using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Sessions;

/// <summary>
/// What only the region of one process does: subscriptions through envelopes, its status, passivation and its cap. The
/// contract every region keeps (routing, start on first use, refusals, close, the facade) is <see cref="RegionContract"/>'s.
/// </summary>
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
    public async Task GetRegionStatus_counts_every_session_and_those_holding_a_socket()
    {
        var region = Region();

        region.Tell(new LiveSessions.Envelope("a", GetStatus.Instance));
        region.Tell(new LiveSessions.Envelope("b", GetStatus.Instance));
        ExpectMsg<StatusReport>();
        ExpectMsg<StatusReport>();

        Assert.Equal(new LiveSessions.RegionStatus(2, 2), await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience));
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
