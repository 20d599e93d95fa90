using Akka.Actor;
using Akka.TestKit;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision.Reconnection;

/// <summary>The retry schedule proved on Akka's virtual clock: no test waits for a real second.</summary>
public sealed class BackoffScheduleTests(ITestOutputHelper output)
    : SessionTestKit(output, """
        akka.loglevel = WARNING
        akka.scheduler.implementation = "Akka.TestKit.TestScheduler, Akka.TestKit"
        """)
{
    private TestScheduler Clock => (TestScheduler)Sys.Scheduler;

    [Fact]
    public async Task Retries_wait_one_two_then_four_seconds_and_not_a_tick_less()
    {
        for (var i = 0; i < 3; i++)
        {
            Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503));
        }

        var (session, events) = StartSession(Options with { Retry = new RetryOptions() });

        foreach (var (wait, next) in new[] { (1000, 2), (2000, 3), (4000, 4) })
        {
            Assert.Equal(TimeSpan.FromMilliseconds(wait), NextEvent<Disconnected>(events).RetryIn);
            Clock.Advance(TimeSpan.FromMilliseconds(wait - 1));
            Assert.Equal(ConnectionStatus.Reconnecting, StatusOf(session));
            Clock.Advance(TimeSpan.FromMilliseconds(1));
            await Emulator.WaitForConnectionAsync(next).WaitAsync(TimeSpan.FromSeconds(10));
        }

        NextEvent<Connected>(events);
        Assert.Equal(ConnectionStatus.Connected, StatusOf(session));
    }

    [Fact]
    public void A_connection_that_stayed_up_past_reset_after_is_retried_at_once_with_a_fresh_count()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(1)));
        var (session, events) = StartSession();
        NextEvent<Connected>(events);
        Clock.Advance(Options.Retry.ResetAfter);
        Assert.Equal(0, Report(session).Attempt);

        session.Tell(new Send(LiveActors.Protocol.ClientContent.UserText("bye")));

        Assert.Equal(TimeSpan.Zero, NextEvent<Disconnected>(events).RetryIn);
        NextEvent<Reconnected>(events);
    }

    private ConnectionStatus StatusOf(IActorRef session) => Report(session).Status;

    private StatusReport Report(IActorRef session)
    {
        session.Tell(GetStatus.Instance);
        return ExpectMsg<StatusReport>();
    }
}
