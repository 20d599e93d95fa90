using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Dispatch;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision;

/// <summary>
/// The session's timers proved on Akka's virtual clock, one test per timer: each fires at its time and not a tick
/// before. A timer's message is in the session's mailbox when Advance returns, so a GetStatus told afterwards is
/// answered after it: what the session says then is what the timer did. Each test first asks for the status once the
/// timer is started, as the session starts it after the event a test sees. Idle time is measured on a
/// <see cref="VirtualClock"/> that moves with the scheduler (TestScheduler does not move its own monotonic clock).
/// </summary>
public sealed class SessionTimerTests(ITestOutputHelper output)
    : SessionTestKit(output, """
        akka.loglevel = WARNING
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """)
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task A_goAway_hands_over_at_half_the_time_left_when_what_the_socket_carries_is_unconfirmed()
    {
        // Audio alone starts no turn: the emulator answers nothing, so the chunk stays unconfirmed on this socket, and
        // nothing else is sent beside the goAway (a reply, or a handle held behind the goAway, would race it).
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterClientMessages(1), TimeSpan.FromSeconds(20)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        NextEvent<SessionResumptionUpdated>(events, u => u.Update is { Resumable: true, NewHandle: not null }); // a handle: a goAway hands over
        session.Tell(new Send(RealtimeInput.Pcm(new byte[3_200])));
        ExpectMsg<SendAccepted>();
        NextEvent<GoAwayReceived>(events);
        Assert.Equal(ConnectionStatus.HandingOver, StatusOf(session)); // answered once the goAway is handled: its timer runs

        Clock.Advance(TimeSpan.FromSeconds(10) - Tick);
        Assert.Equal(ConnectionStatus.HandingOver, StatusOf(session));
        Assert.False((await Emulator.WaitForConnectionAsync(1)).Ended.IsCompleted);
        Clock.Advance(Tick);

        Assert.True(NextEvent<Reconnected>(events).Resumed);
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended).Kind);
    }

    [Fact]
    public void A_region_session_passivates_after_passivate_after_idle_and_not_a_tick_before()
    {
        var (session, region, events) = StartIdleSession();

        Clock.Advance(IdleAfter - Tick);
        Assert.Equal(ConnectionStatus.Connected, StatusOf(session));
        Clock.Advance(Tick);

        Assert.Equal(ConnectionStatus.Passivated, StatusOf(session));
        region.ExpectMsg<SessionPassivated>();
        Assert.Equal(IdleAfter, NextEvent<Passivated>(events).IdleFor);
    }

    [Fact]
    public void Activity_postpones_idle_passivation_to_passivate_after_past_the_last_activity()
    {
        var (session, region, events) = StartIdleSession();
        var half = IdleAfter / 2;
        Clock.Advance(half);
        session.Tell(new Send(ClientContent.UserText("hello")));
        ExpectMsg<SendAccepted>();
        NextEvent<SessionResumptionUpdated>(events); // the turn's handle: confirmed, the session is quiet again

        Clock.Advance(IdleAfter - half); // the first look: idle for only half of it, so it looks again at the end of it
        Assert.Equal(ConnectionStatus.Connected, StatusOf(session));
        Clock.Advance(half - Tick);
        Assert.Equal(ConnectionStatus.Connected, StatusOf(session));
        Clock.Advance(Tick);

        Assert.Equal(ConnectionStatus.Passivated, StatusOf(session));
        region.ExpectMsg<SessionPassivated>();
        Assert.Equal(IdleAfter, NextEvent<Passivated>(events).IdleFor);
    }

    [Fact]
    public async Task A_pending_tool_call_extends_the_handover_once_to_nine_tenths_of_the_time_left()
    {
        Emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterServerMessages(3), TimeSpan.FromSeconds(20)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("tool:get_weather {\"city\":\"Paris\"}")));
        ExpectMsg<SendAccepted>();
        NextEvent<ToolCallReceived>(events);
        NextEvent<GoAwayReceived>(events);
        Assert.Equal(ConnectionStatus.HandingOver, StatusOf(session)); // answered once the goAway is handled: its timer runs

        Clock.Advance(TimeSpan.FromSeconds(10)); // the deadline: the call is still pending, so it gets 8 s more
        Assert.Equal(ConnectionStatus.HandingOver, StatusOf(session));
        Clock.Advance(TimeSpan.FromSeconds(8) - Tick);
        Assert.Equal(ConnectionStatus.HandingOver, StatusOf(session));
        Assert.False((await Emulator.WaitForConnectionAsync(1)).Ended.IsCompleted);
        Clock.Advance(Tick);

        Assert.True(NextEvent<ToolCallCancelled>(events).ByConnection);
        Assert.True(NextEvent<Reconnected>(events).Resumed);
        Assert.Equal(ConnectionEndKind.ClientClosed, (await (await Emulator.WaitForConnectionAsync(1)).Ended).Kind);
    }

    [Fact]
    public void A_region_session_says_passivated_while_its_socket_closes_and_once_it_is_closed()
    {
        var region = CreateTestProbe();
        var events = CreateTestProbe();
        var session = region.ChildActorOf(SessionDispatcher.On(Sys, ConnectionSupervisor.Props(Options, null, TestEnvironment.Empty, events.Ref, new Passivation(After: null))));
        NextEvent<Connected>(events);
        NextEvent<SessionResumptionUpdated>(events, u => u.Update is { Resumable: true, NewHandle: not null }); // resumable: it may passivate

        session.Tell(PassivateIfIdle.Instance);

        Assert.Equal(ConnectionStatus.Passivated, StatusOf(session)); // the socket is still closing: not Connected, as 47d5d84 fixed
        region.ExpectMsg<SessionPassivated>();
        NextEvent<Passivated>(events);
        Assert.Equal(ConnectionStatus.Passivated, StatusOf(session));
    }

    [Fact]
    public void A_receive_with_nothing_to_take_fails_with_ReceiveTimeout_after_its_timeout_and_not_a_tick_before()
    {
        var timeout = TimeSpan.FromSeconds(5);
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        NextEvent<SessionResumptionUpdated>(events); // the last server message until the session sends: the inbox is still after it
        session.Tell(ReceiveAll.Instance);
        ExpectMsg<ReceivedMessages>();

        session.Tell(new Live.Receive(timeout));
        Assert.Equal(ConnectionStatus.Connected, StatusOf(session)); // answered once the Receive waits: its timer runs
        Clock.Advance(timeout - Tick);
        Assert.Equal(ConnectionStatus.Connected, StatusOf(session)); // had it timed out, its failure would come first
        Clock.Advance(Tick);

        var failure = ExpectMsg<Status.Failure>();
        Assert.Equal(new ConnectionError.ReceiveTimeout(timeout), Assert.IsType<LiveConnectionException>(failure.Cause).Error);
    }

    private static TimeSpan IdleAfter => TimeSpan.FromMinutes(1);

    /// <summary>A region's session that passivates after <see cref="IdleAfter"/>, connected, with a handle, its idle timer running.</summary>
    private (IActorRef Session, TestProbe Region, TestProbe Events) StartIdleSession()
    {
        var region = CreateTestProbe();
        var events = CreateTestProbe();
        var props = ConnectionSupervisor.Props(Options, null, TestEnvironment.Empty, events.Ref, new Passivation(IdleAfter), clock: new VirtualClock(Clock));
        var session = region.ChildActorOf(SessionDispatcher.On(Sys, props));
        NextEvent<Connected>(events); // the idle timer started before Connected was told
        NextEvent<SessionResumptionUpdated>(events, u => u.Update is { Resumable: true, NewHandle: not null }); // resumable: it may passivate
        return (session, region, events);
    }

    private ConnectionStatus StatusOf(IActorRef session)
    {
        session.Tell(GetStatus.Instance);
        return ExpectMsg<StatusReport>().Status;
    }
}
