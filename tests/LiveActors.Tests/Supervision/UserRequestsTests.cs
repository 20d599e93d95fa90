using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Inbox;
using LiveActors.Supervision.Reconnection;
using LiveActors.Transport;
using static LiveActors.Live;

namespace LiveActors.Tests.Supervision;

/// <summary>What a session answers its users in every state, read from the effects, without an actor.</summary>
public sealed class UserRequestsTests
{
    private static readonly IActorRef Alice = new NamedRef("alice");
    private static readonly IActorRef Bob = new NamedRef("bob");

    [Fact]
    public void The_status_is_the_states_beside_the_counts_of_the_rules()
    {
        var (users, traffic, _) = Users();
        traffic.Accept(new Send(ClientContent.UserText("queued")), Alice, socket: null);
        traffic.Effects.Clear();

        var report = Assert.IsType<StatusReport>(Assert.Single(users.Answer(GetStatus.Instance, ConnectionStatus.Reconnecting, Bob)!.All).Message);

        Assert.Equal(ConnectionStatus.Reconnecting, report.Status);
        Assert.Equal(1, report.PendingMessages);
        Assert.False(report.Resumable);
    }

    [Fact]
    public void A_receive_with_nothing_kept_waits_with_its_own_timer_and_fails_with_ReceiveTimeout_when_it_goes_off()
    {
        var (users, traffic, _) = Users();

        var wait = Assert.Single(users.Answer(new Live.Receive(TimeSpan.FromSeconds(5)), ConnectionStatus.Connected, Alice)!.All);
        var timedOut = Assert.IsType<ReceiveTimedOut>(wait.Message);
        Assert.Equal((EffectKind.StartTimer, TimeSpan.FromSeconds(5), SessionTraffic.ReceiveTimerKey(timedOut.Id)), (wait.Kind, wait.Delay, wait.TimerKey));
        traffic.Effects.Clear();
        var failed = Assert.Single(users.Answer(timedOut, ConnectionStatus.Connected, ActorRefs.Nobody)!.All);
        traffic.Effects.Clear();

        Assert.Equal(Alice, failed.Actor);
        var error = Assert.IsType<LiveConnectionException>(Assert.IsType<Status.Failure>(failed.Message).Cause).Error;
        Assert.Equal(new ConnectionError.ReceiveTimeout(TimeSpan.FromSeconds(5)), error);
        Assert.Empty(users.Answer(timedOut, ConnectionStatus.Connected, ActorRefs.Nobody)!.All); // once: nobody waits any more
    }

    [Fact]
    public void A_receive_without_a_timeout_waits_the_options_one()
    {
        var (users, _, _) = Users();

        var wait = Assert.Single(users.Answer(new Live.Receive(), ConnectionStatus.Connected, Alice)!.All);

        Assert.Equal(SessionRules.Options().ReceiveTimeout, wait.Delay);
    }

    [Fact]
    public void A_receive_takes_what_the_inbox_holds_and_receive_all_takes_everything()
    {
        var (users, traffic, _) = Users();
        var first = new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("one", Roles.Model) } };
        traffic.Inbound(new InboundMessage(first, 16));
        traffic.Inbound(new InboundMessage(new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("two", Roles.Model) } }, 16));
        traffic.Effects.Clear();

        Assert.Equal(new Effect(EffectKind.Tell, first, Alice), Assert.Single(users.Answer(new Live.Receive(), ConnectionStatus.Connected, Alice)!.All));
        traffic.Effects.Clear();
        var rest = Assert.IsType<ReceivedMessages>(Assert.Single(users.Answer(ReceiveAll.Instance, ConnectionStatus.Connected, Bob)!.All).Message);
        traffic.Effects.Clear();
        Assert.Single(rest.Messages);
        var none = Assert.IsType<ReceivedMessages>(Assert.Single(users.Answer(ReceiveAll.Instance, ConnectionStatus.Connected, Bob)!.All).Message);
        Assert.Empty(none.Messages);
    }

    [Fact]
    public void A_new_subscriber_is_watched_answered_then_handed_the_backlog_and_an_unsubscribed_one_unwatched()
    {
        var (users, traffic, subscribers) = Users(keepBacklog: true);
        subscribers.Publish(Closed.Instance);

        var subscribed = users.Answer(new Subscribe(Bob), ConnectionStatus.Connected, Alice)!.All.ToList();
        traffic.Effects.Clear();
        var again = users.Answer(new Subscribe(Bob), ConnectionStatus.Connected, Alice)!.All.ToList();
        traffic.Effects.Clear();
        var unsubscribed = users.Answer(new Unsubscribe(Bob), ConnectionStatus.Connected, Alice)!.All.ToList();

        Assert.Equal([new(EffectKind.Watch, Bob, Bob), new(EffectKind.Tell, new Subscribed(Bob), Alice), new(EffectKind.Tell, Closed.Instance, Bob)], subscribed);
        Assert.Equal([new Effect(EffectKind.Tell, new Subscribed(Bob), Alice)], again); // already watched, backlog handed once
        Assert.Equal([new(EffectKind.Unwatch, Bob, Bob), new(EffectKind.Tell, new Unsubscribed(Bob), Alice)], unsubscribed);
    }

    [Fact]
    public void A_message_that_is_no_request_gets_no_answer()
    {
        var (users, _, _) = Users();

        Assert.Null(users.Answer("something else", ConnectionStatus.Connected, Alice));
    }

    private static (UserRequests Users, SessionTraffic Traffic, Subscribers Subscribers) Users(bool keepBacklog = false)
    {
        var options = SessionRules.Options();
        var traffic = SessionRules.Traffic(options, durable: false);
        var subscribers = new Subscribers(first: null, keepBacklog);
        return (new UserRequests(options.ReceiveTimeout, traffic, subscribers, new ReconnectPolicy(options.Retry), SessionRules.Resumption(options)), traffic, subscribers);
    }
}
