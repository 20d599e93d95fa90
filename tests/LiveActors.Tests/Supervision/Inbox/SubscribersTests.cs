using Akka.Actor;
using Akka.TestKit;
using LiveActors.Supervision.Inbox;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision.Inbox;

/// <summary>Who hears a session's events, and the backlog its first subscriber gets: probes only, no session actor.</summary>
public sealed class SubscribersTests : Akka.TestKit.Xunit2.TestKit
{
    private static readonly Event Passivated = new Passivated(TimeSpan.FromSeconds(1));
    private static readonly Event ClosedEvent = Closed.Instance;

    [Fact]
    public void Every_subscriber_hears_an_event_but_those_told_already()
    {
        var (first, second) = (CreateTestProbe(), CreateTestProbe());
        var subscribers = new Subscribers(first.Ref, keepBacklog: false);
        Assert.True(subscribers.Add(second.Ref));

        subscribers.Publish(Passivated);
        subscribers.Publish(ClosedEvent, except: [second.Ref]);

        first.ExpectMsg(Passivated);
        first.ExpectMsg(ClosedEvent);
        second.ExpectMsg(Passivated);
        second.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Adding_or_removing_twice_reports_only_the_first_so_a_subscriber_is_watched_once()
    {
        var probe = CreateTestProbe();
        var subscribers = new Subscribers(first: null, keepBacklog: false);

        Assert.True(subscribers.Add(probe.Ref));
        Assert.False(subscribers.Add(probe.Ref));
        Assert.True(subscribers.Remove(probe.Ref));
        Assert.False(subscribers.Remove(probe.Ref));
        Assert.Empty(subscribers.All);
    }

    [Fact]
    public void With_a_backlog_the_first_subscriber_hears_what_came_before_it_and_later_ones_do_not()
    {
        var subscribers = new Subscribers(first: null, keepBacklog: true);
        subscribers.Publish(Passivated);
        var (first, later) = (CreateTestProbe(), CreateTestProbe());

        subscribers.Add(first.Ref);
        HandBacklog(subscribers, first);
        subscribers.Add(later.Ref);
        HandBacklog(subscribers, later);

        first.ExpectMsg(Passivated);
        later.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void The_backlog_keeps_at_most_its_limit_and_only_the_oldest()
    {
        var subscribers = new Subscribers(first: null, keepBacklog: true);
        for (var i = 0; i < Subscribers.BacklogLimit + 5; i++)
        {
            subscribers.Publish(new Passivated(TimeSpan.FromSeconds(i)));
        }

        var probe = CreateTestProbe();
        HandBacklog(subscribers, probe);

        var heard = probe.ReceiveN(Subscribers.BacklogLimit).Cast<Passivated>().ToList();
        Assert.Equal(TimeSpan.Zero, heard[0].IdleFor);
        Assert.Equal(TimeSpan.FromSeconds(Subscribers.BacklogLimit - 1), heard[^1].IdleFor);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Without_a_backlog_nothing_published_to_nobody_is_kept()
    {
        var subscribers = new Subscribers(first: null, keepBacklog: false);
        subscribers.Publish(Passivated);
        var probe = CreateTestProbe();

        HandBacklog(subscribers, probe);

        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void A_subscriber_from_the_start_is_subscribed_and_reported_by_all()
    {
        var probe = CreateTestProbe();
        var subscribers = new Subscribers(probe.Ref, keepBacklog: true);

        Assert.Equal([probe.Ref], subscribers.All);
        subscribers.Publish(Passivated);
        probe.ExpectMsg(Passivated);
        HandBacklog(subscribers, probe);
        probe.ExpectNoMsg(TimeSpan.FromMilliseconds(100)); // it heard the event as it happened: nothing was kept
    }

    private static void HandBacklog(Subscribers subscribers, TestProbe to)
    {
        foreach (var kept in subscribers.TakeBacklog())
        {
            to.Ref.Tell(kept);
        }
    }
}
