using Akka.Actor;

namespace LiveActors.Supervision;

/// <summary>
/// What a session must do once one of its rules has decided: tell an actor, publish an event to its subscribers, tell
/// its keeper, start or cancel a timer, watch or unwatch an actor. The rules fill it in order and the actor performs it in that order, so the rules are
/// tested by reading it, without an actor.
/// </summary>
/// <remarks>One buffer, reused: a reply that streams a hundred audio chunks costs no list per chunk.</remarks>
internal sealed class Effects
{
    private readonly List<Effect> _all = new(8);

    /// <summary>What is to be done, in order.</summary>
    public IReadOnlyList<Effect> All => _all;

    /// <summary>Tell <paramref name="to"/> <paramref name="message"/>.</summary>
    public void Tell(IActorRef to, object message) => _all.Add(new Effect(EffectKind.Tell, message, to));

    /// <summary>Publish <paramref name="event"/> to every subscriber but those in <paramref name="except"/> (told already, as an answer).</summary>
    public void Publish(Live.Event @event, IReadOnlyCollection<IActorRef>? except = null) => _all.Add(new Effect(EffectKind.Publish, @event, Except: except));

    /// <summary>Tell the session's keeper <paramref name="record"/>: what must outlive the process.</summary>
    public void Keep(object record) => _all.Add(new Effect(EffectKind.Keep, record));

    /// <summary>Cancel the timer named <paramref name="key"/>.</summary>
    public void CancelTimer(string key) => _all.Add(new Effect(EffectKind.CancelTimer, key));

    /// <summary>Start the timer named <paramref name="key"/>: the session tells itself <paramref name="message"/> after <paramref name="delay"/>.</summary>
    public void StartTimer(string key, object message, TimeSpan delay) => _all.Add(new Effect(EffectKind.StartTimer, message, TimerKey: key, Delay: delay));

    /// <summary>Watch <paramref name="actor"/>: the session hears when it stops.</summary>
    public void Watch(IActorRef actor) => _all.Add(new Effect(EffectKind.Watch, actor, actor));

    /// <summary>Stop watching <paramref name="actor"/>.</summary>
    public void Unwatch(IActorRef actor) => _all.Add(new Effect(EffectKind.Unwatch, actor, actor));

    /// <summary>Everything was performed.</summary>
    public void Clear() => _all.Clear();
}

/// <summary>What kind of thing an <see cref="Effect"/> does.</summary>
internal enum EffectKind
{
    /// <summary>Tell <see cref="Effect.Actor"/> the message.</summary>
    Tell,

    /// <summary>Publish the event to the subscribers but those in <see cref="Effect.Except"/>.</summary>
    Publish,

    /// <summary>Tell the keeper the record.</summary>
    Keep,

    /// <summary>Cancel the timer the message names.</summary>
    CancelTimer,

    /// <summary>Start the timer <see cref="Effect.TimerKey"/>, which tells the session the message after <see cref="Effect.Delay"/>.</summary>
    StartTimer,

    /// <summary>Watch <see cref="Effect.Actor"/>.</summary>
    Watch,

    /// <summary>Stop watching <see cref="Effect.Actor"/>.</summary>
    Unwatch,
}

/// <summary>
/// One thing to do: see <see cref="EffectKind"/> for what <paramref name="Message"/>, <paramref name="Actor"/>,
/// <paramref name="Except"/>, <paramref name="TimerKey"/> and <paramref name="Delay"/> are.
/// </summary>
internal readonly record struct Effect(
    EffectKind Kind, object Message, IActorRef? Actor = null, IReadOnlyCollection<IActorRef>? Except = null, string? TimerKey = null, TimeSpan Delay = default);
