using Akka.Actor;
using LiveActors.Supervision.Inbox;

namespace LiveActors.Supervision;

/// <summary>
/// Performs, in order and on the session actor's thread, what its rules decided: tells, events to the subscribers,
/// records to the keeper, timers started and cancelled, actors watched and unwatched. The only code that turns
/// <see cref="Effects"/> into actor calls.
/// </summary>
/// <param name="subscribers">Who hears the session's events.</param>
/// <param name="keeper">The durable session's keeper; null for a session that keeps nothing.</param>
internal sealed class EffectsPerformer(Subscribers subscribers, IActorRef? keeper)
{
    /// <summary>Performs <paramref name="effects"/> with the actor's <paramref name="context"/> and <paramref name="timers"/>; false when there are none (null).</summary>
    public bool Perform(Effects? effects, IActorContext context, ITimerScheduler timers)
    {
        if (effects is null)
        {
            return false;
        }

        foreach (var effect in effects.All)
        {
            switch (effect.Kind)
            {
                case EffectKind.Tell: effect.Actor!.Tell(effect.Message, context.Self); break;
                case EffectKind.Publish: subscribers.Publish((Live.Event)effect.Message, effect.Except); break;
                case EffectKind.Keep: keeper?.Tell(effect.Message, context.Self); break;
                case EffectKind.CancelTimer: timers.Cancel(effect.Message); break;
                case EffectKind.StartTimer: timers.StartSingleTimer(effect.TimerKey!, effect.Message, effect.Delay); break;
                case EffectKind.Watch: context.Watch(effect.Actor!); break;
                case EffectKind.Unwatch: context.Unwatch(effect.Actor!); break;
            }
        }

        effects.Clear();
        return true;
    }
}
