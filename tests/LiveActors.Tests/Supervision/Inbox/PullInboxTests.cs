using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Supervision.Inbox;
using LiveActors.Transport;

namespace LiveActors.Tests.Supervision.Inbox;

/// <summary>The pull inbox's rules, on plain values: who gets a message, what is kept, what is dropped and when that is news.</summary>
public sealed class PullInboxTests
{
    private static readonly IActorRef Alice = new ActorRefStub("alice");
    private static readonly IActorRef Bob = new ActorRefStub("bob");

    [Fact]
    public void Kept_messages_are_taken_oldest_first_and_counted_in_bytes()
    {
        var inbox = new PullInbox(capacity: 10, maxBytes: 1000);
        inbox.Arrived(Message("a", 10));
        inbox.Arrived(Message("b", 20));

        Assert.Equal((2, 30L), (inbox.Count, inbox.Bytes));
        Assert.True(inbox.TryTake(out var first));
        Assert.Equal("a", Text(first));
        Assert.Equal(20, inbox.Bytes);
        Assert.Equal(["b"], inbox.TakeAll().Select(Text));
        Assert.False(inbox.TryTake(out _));
        Assert.Equal(0, inbox.Bytes);
    }

    [Fact]
    public void A_message_goes_to_the_receiver_that_waited_longest_and_is_not_kept()
    {
        var inbox = new PullInbox(capacity: 10, maxBytes: 1000);
        var alice = inbox.Wait(Alice);
        inbox.Wait(Bob);

        var arrival = inbox.Arrived(Message("a", 10));

        Assert.Equal(alice, arrival.TakenBy);
        Assert.Equal(Bob, inbox.Arrived(Message("b", 10)).TakenBy?.Receiver);
        Assert.Null(inbox.Arrived(Message("c", 10)).TakenBy);
        Assert.Equal(1, inbox.Count);
    }

    [Fact]
    public void Past_capacity_the_oldest_go_and_only_the_first_drop_of_a_run_is_news()
    {
        var inbox = new PullInbox(capacity: 2, maxBytes: 1000);
        inbox.Arrived(Message("a", 1));
        inbox.Arrived(Message("b", 1));

        Assert.Equal(new Arrival(null, 1, OverflowBegan: true), inbox.Arrived(Message("c", 1)));
        Assert.Equal(new Arrival(null, 1, OverflowBegan: false), inbox.Arrived(Message("d", 1)));
        Assert.Equal(["c", "d"], inbox.TakeAll().Select(Text));

        inbox.Arrived(Message("e", 1));
        inbox.Arrived(Message("f", 1));
        Assert.True(inbox.Arrived(Message("g", 1)).OverflowBegan); // drained since: news again
    }

    [Fact]
    public void A_receive_that_finds_the_inbox_empty_ends_the_overflow_run()
    {
        var inbox = new PullInbox(capacity: 1, maxBytes: 1000);
        inbox.Arrived(Message("a", 1));
        Assert.True(inbox.Arrived(Message("b", 1)).OverflowBegan);
        Assert.True(inbox.TryTake(out _));

        inbox.Wait(Alice);
        inbox.Arrived(Message("c", 1)); // taken by Alice
        inbox.Arrived(Message("d", 1));

        Assert.True(inbox.Arrived(Message("e", 1)).OverflowBegan);
    }

    [Fact]
    public void Past_the_byte_limit_the_oldest_go_but_the_newest_always_stays()
    {
        var inbox = new PullInbox(capacity: 10, maxBytes: 100);
        inbox.Arrived(Message("a", 60));
        Assert.Equal(1, inbox.Arrived(Message("b", 60)).Dropped);
        Assert.Equal(1, inbox.Arrived(Message("huge", 500)).Dropped);

        Assert.Equal((1, 500L), (inbox.Count, inbox.Bytes));
    }

    [Fact]
    public void A_receiver_that_gives_up_is_no_longer_waiting_and_a_second_give_up_finds_nobody()
    {
        var inbox = new PullInbox(capacity: 10, maxBytes: 1000);
        var alice = inbox.Wait(Alice);
        var bob = inbox.Wait(Bob);

        Assert.Equal(Alice, inbox.GiveUpWaiting(alice.Id));
        Assert.Null(inbox.GiveUpWaiting(alice.Id));
        Assert.Equal(bob, inbox.Arrived(Message("a", 1)).TakenBy);
        Assert.Null(inbox.GiveUpWaiting(bob.Id)); // answered already
    }

    [Fact]
    public void At_the_end_every_waiting_receiver_is_handed_over_in_order_once()
    {
        var inbox = new PullInbox(capacity: 10, maxBytes: 1000);
        var alice = inbox.Wait(Alice);
        var bob = inbox.Wait(Bob);

        Assert.Equal([alice, bob], inbox.TakeWaiting());
        Assert.Empty(inbox.TakeWaiting());
        Assert.NotEqual(alice.Id, bob.Id);
    }

    private static InboundMessage Message(string text, int bytes) =>
        new(new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText(text, "model") } }, bytes);

    private static string Text(ServerMessage message) => message.ServerContent!.ModelTurn!.Parts![0].Text!;

    /// <summary>A ref that only needs to be told apart: the inbox never tells anyone.</summary>
    private sealed class ActorRefStub(string name) : MinimalActorRef
    {
        public override ActorPath Path { get; } = new RootActorPath(new Address("akka", "inbox-tests")) / name;

        public override IActorRefProvider Provider => throw new NotSupportedException();
    }
}
