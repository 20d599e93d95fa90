using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Sessions;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Sessions;

/// <summary>
/// A message that reaches a session after it has stopped (a held ref, a region or an entity between incarnations) is
/// answered at once with a typed failure, never left to a dead letter and its sender's timeout: session_closed for a
/// closed session, session_stopped for one that stopped without closing.
/// </summary>
public sealed class DeadLetterTests(ITestOutputHelper output) : SessionTestKit(output)
{
    // Well under an ask's usual wait: without an answer, the test fails with a timeout rather than an error kind.
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_Send_on_a_held_ref_of_a_closed_session_fails_at_once_with_session_closed()
    {
        var region = Region();
        var session = (await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("call"), Patience)).Session;
        Watch(session);
        await region.Ask<Closed>(new LiveSessions.Envelope("call", Close.Instance), Patience);
        ExpectTerminated(session);

        Assert.Same(SessionClosed.Instance, await FailureOf(session, new Send(ClientContent.UserText("late"))));
        Assert.IsType<Closed>(await session.Ask<object>(Close.Instance, Quick)); // closing it again: it is closed
    }

    [Fact]
    public async Task A_Send_on_a_held_ref_of_a_session_that_stopped_without_closing_fails_at_once_with_session_stopped()
    {
        var region = Region();
        var session = (await region.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("call"), Patience)).Session;
        Watch(session);
        Sys.Stop(session); // as a crash would
        ExpectTerminated(session);
        await AwaitAssertAsync(async () => Assert.Equal(0, (await region.Ask<LiveSessions.RegionStatus>(LiveSessions.GetRegionStatus.Instance, Patience)).Sessions));

        Assert.Same(SessionStopped.Instance, await FailureOf(session, new Send(ClientContent.UserText("late"))));
        Assert.Same(SessionStopped.Instance, await FailureOf(session, GetStatus.Instance));
    }

    [Fact]
    public async Task An_envelope_to_a_stopped_region_fails_at_once_with_session_stopped()
    {
        var region = Region();
        await region.Ask<StatusReport>(new LiveSessions.Envelope("call", GetStatus.Instance), Patience);
        Watch(region);
        Sys.Stop(region);
        ExpectTerminated(region);

        Assert.Same(SessionStopped.Instance, await FailureOf(region, new LiveSessions.Envelope("call", new Send(ClientContent.UserText("late")))));
    }

    [Fact]
    public async Task A_Send_on_a_held_ref_of_an_entity_passivated_and_removed_fails_at_once_with_session_stopped()
    {
        var placement = CreateTestProbe();
        var entity = placement.ChildActorOf(LiveSessionEntity.Props("call", RegionOptions(), "end", TimeSpan.FromSeconds(10)));
        await entity.Ask<StatusReport>(GetStatus.Instance, Patience);
        Watch(entity);

        entity.Tell(LiveSessionEntity.Stop.Instance); // what the placement tells an entity it moves or idles out
        ExpectTerminated(entity);

        Assert.Same(SessionStopped.Instance, await FailureOf(entity, new Send(ClientContent.UserText("late"))));
    }

    [Fact]
    public async Task An_entity_whose_session_closed_answers_what_comes_before_its_placement_stops_it_with_session_closed()
    {
        var placement = CreateTestProbe();
        var entity = placement.ChildActorOf(LiveSessionEntity.Props("call", RegionOptions(), "end", TimeSpan.FromSeconds(10)));
        var session = (await entity.Ask<LiveSessions.SessionRef>(new LiveSessions.GetSession("call"), Patience)).Session;
        Assert.Equal(entity, session);

        await entity.Ask<Closed>(Close.Instance, Patience);
        placement.ExpectMsg("end"); // the entity asks to be stopped; the placement has not yet done so
        placement.ExpectMsg("end"); // and again once its session has stopped: what comes now reaches no session

        Assert.Same(SessionClosed.Instance, await FailureOf(entity, new Send(ClientContent.UserText("late"))));
    }

    private async Task<ConnectionError> FailureOf(IActorRef target, object message)
    {
        var failure = await Assert.ThrowsAsync<LiveConnectionException>(() => target.Ask<object>(message, Quick));
        return failure.Error;
    }

    private LiveSessionsOptions RegionOptions() => new(_ => Options) { PassivateAfter = null, Environment = TestEnvironment.Empty };

    private IActorRef Region() => Sys.ActorOf(LiveSessions.Props(RegionOptions()));
}
