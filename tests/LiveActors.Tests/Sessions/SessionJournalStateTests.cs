using LiveActors.Protocol;
using LiveActors.Sessions;

namespace LiveActors.Tests.Sessions;

/// <summary>A durable session's state rebuilt from its journal: the last sequence covers every one stored, held messages in order, the handle's age.</summary>
public sealed class SessionJournalStateTests
{
    private static readonly DateTimeOffset Issued = DateTimeOffset.UnixEpoch.AddDays(1);

    [Fact]
    public void The_last_sequence_covers_every_sequence_stored_so_a_restart_never_hands_one_out_again()
    {
        var state = new SessionJournalState();
        state.Apply(Accepted(1));
        state.Apply(Accepted(2));
        state.Apply(new SessionEvent { Kind = SessionEventKind.DoneThrough, Sequence = 2 });
        state.Apply(Accepted(3));

        var recovered = state.Recovered(anythingStored: true, Issued, TimeSpan.FromHours(1), StoredJson.Read)!;

        Assert.Equal(3, recovered.LastSequence);
        Assert.Equal([3L], recovered.Unconfirmed.Select(m => m.Sequence));
        Assert.Equal("c3", recovered.Unconfirmed[0].Correlation);
    }

    [Fact]
    public void Done_through_past_every_held_message_still_raises_the_last_sequence()
    {
        var state = new SessionJournalState();
        state.Apply(Accepted(1));
        state.Apply(new SessionEvent { Kind = SessionEventKind.DoneThrough, Sequence = 5 });

        Assert.Equal((5L, 0), (state.LastSequence, state.HeldCount));
    }

    [Fact]
    public void A_snapshot_restores_the_same_state_and_nothing_stored_recovers_nothing()
    {
        var state = new SessionJournalState();
        state.Apply(Accepted(7));
        state.Apply(new SessionEvent { Kind = SessionEventKind.Handle, Handle = "h", At = Issued });
        state.Subscribe("akka://a/user/listener");

        var restored = new SessionJournalState();
        restored.Restore(state.Snapshot());

        Assert.Equal((7L, 1, true), (restored.LastSequence, restored.HeldCount, restored.HasHandle));
        Assert.Equal(["akka://a/user/listener"], restored.Subscribers);
        Assert.Null(new SessionJournalState().Recovered(anythingStored: false, Issued, TimeSpan.FromHours(1), StoredJson.Read));
    }

    [Fact]
    public void A_handle_older_than_its_validity_is_not_offered_and_says_so()
    {
        var state = new SessionJournalState();
        state.Apply(new SessionEvent { Kind = SessionEventKind.Handle, Handle = "h", At = Issued });

        var young = state.Recovered(anythingStored: true, Issued.AddMinutes(5), TimeSpan.FromHours(1), StoredJson.Read)!;
        var old = state.Recovered(anythingStored: true, Issued.AddHours(2), TimeSpan.FromHours(1), StoredJson.Read)!;

        Assert.Equal(("h", false), (young.Handle, young.HandleTooOld));
        Assert.Equal((null, true), (old.Handle, old.HandleTooOld));
    }

    private static SessionEvent Accepted(long sequence) => new()
    {
        Kind = SessionEventKind.Accepted,
        Sequence = sequence,
        Message = StoredJson.Write(ClientContent.UserText($"turn {sequence}")),
        Correlation = $"c{sequence}",
    };
}
