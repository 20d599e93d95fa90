using Akka.Actor;
using LiveActors.Sessions;

namespace LiveActors.Tests.Sessions;

/// <summary>A region's book: entries by id and actor, sockets in least recently used order, who passivates past the cap.</summary>
public sealed class SessionBookTests
{
    private static readonly IActorRef A = new FakeRef("a"), B = new FakeRef("b"), C = new FakeRef("c");

    [Fact]
    public void Entries_are_found_by_id_and_by_actor_and_a_removed_one_is_gone_from_both_and_from_the_open()
    {
        var book = new SessionBook();
        var a = book.Add("a", A);
        book.Open(a);

        Assert.Same(a, book.Find("a"));
        Assert.Same(a, book.Find(A));
        Assert.Same(a, book.Remove(A));
        Assert.Null(book.Remove(A));
        Assert.Equal((0, 0), (book.Count, book.OpenCount));
        Assert.False(book.Has("a"));
    }

    [Fact]
    public void Past_the_cap_the_least_recently_used_open_sessions_but_the_new_one_are_named()
    {
        var book = new SessionBook();
        var a = book.Add("a", A);
        var b = book.Add("b", B);
        var c = book.Add("c", C);
        Assert.True(book.Open(a));
        Assert.True(book.Open(b));
        Assert.False(book.Open(b)); // already open
        book.Used(a); // a is now more recent than b
        book.Open(c);

        Assert.Equal(["b"], book.OverCap(2, keep: c).Select(e => e.SessionId));
        Assert.Equal(["b", "a"], book.OverCap(1, keep: c).Select(e => e.SessionId));
        Assert.True(book.Shut(b));
        Assert.False(book.Shut(b));
        Assert.Empty(book.OverCap(2, keep: c));
    }

    [Fact]
    public void A_closing_entry_holds_what_comes_up_to_its_limit()
    {
        var entry = new SessionEntry("a", A);

        Assert.True(entry.Hold("one", ActorRefs.Nobody, max: 2));
        Assert.True(entry.Hold("two", ActorRefs.Nobody, max: 2));
        Assert.False(entry.Hold("three", ActorRefs.Nobody, max: 2));
        Assert.Equal(["one", "two"], entry.Waiting.Select(w => w.Message));
    }

    [Fact]
    public void The_give_up_window_counts_those_since_a_moment_and_keeps_only_its_capacity()
    {
        var window = new GiveUpWindow(capacity: 2);
        var start = DateTimeOffset.UnixEpoch;
        window.Add(start, "one");
        window.Add(start.AddMinutes(1), "two");
        window.Add(start.AddMinutes(2), "three");

        Assert.Equal(new RegionGiveUps(2, "three"), window.Since(start));
        Assert.Equal(new RegionGiveUps(1, "three"), window.Since(start.AddMinutes(2)));
        Assert.Equal(new RegionGiveUps(0, null), window.Since(start.AddMinutes(3)));
    }

    private sealed class FakeRef(string name) : MinimalActorRef
    {
        public override ActorPath Path { get; } = new RootActorPath(new Address("akka", "book")) / name;

        public override IActorRefProvider Provider => throw new NotSupportedException();
    }
}
