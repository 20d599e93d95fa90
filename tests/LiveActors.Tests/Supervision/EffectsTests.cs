using Akka.Actor;
using LiveActors.Supervision;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision;

/// <summary>The buffer a session's rules fill and its actor performs: in order, and reused.</summary>
public sealed class EffectsTests
{
    private static readonly Live.Event Done = Live.Closed.Instance;

    [Fact]
    public void Effects_of_every_kind_are_kept_in_the_order_they_were_added()
    {
        var effects = new Effects();
        var record = new object();

        effects.CancelTimer("receive-1");
        effects.Tell(ActorRefs.Nobody, "hello");
        effects.Keep(record);
        effects.Publish(Done);

        Assert.Equal(
            [
                new Effect(EffectKind.CancelTimer, "receive-1"),
                new Effect(EffectKind.Tell, "hello", ActorRefs.Nobody),
                new Effect(EffectKind.Keep, record),
                new Effect(EffectKind.Publish, Done),
            ],
            effects.All);
    }

    [Fact]
    public void A_publish_carries_who_was_told_already_and_a_plain_publish_excepts_no_one()
    {
        var effects = new Effects();
        IReadOnlyCollection<IActorRef> answered = [ActorRefs.Nobody];

        effects.Publish(Done, except: answered);
        effects.Publish(Done);

        Assert.Same(answered, effects.All[0].Except);
        Assert.Null(effects.All[1].Except);
        Assert.All(effects.All, effect => Assert.Null(effect.Actor));
    }

    [Fact]
    public void Cleared_effects_are_empty_and_the_same_buffer_takes_the_next_ones()
    {
        var effects = new Effects();
        var all = effects.All;
        effects.Tell(ActorRefs.Nobody, "first");
        effects.Keep("kept");

        effects.Clear();
        Assert.Empty(effects.All);

        effects.Publish(new Live.SendFailed(3, SessionClosed.Instance));
        Assert.Same(all, effects.All);
        var only = Assert.Single(effects.All);
        Assert.Equal(EffectKind.Publish, only.Kind);
        Assert.Equal(new Live.SendFailed(3, SessionClosed.Instance), only.Message);
    }
}
