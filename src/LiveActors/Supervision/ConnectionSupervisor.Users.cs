using Akka.Actor;
using LiveActors.Errors;
using static LiveActors.Live;

namespace LiveActors.Supervision;

// What the session says to its users the same way in every state: the answers to their asks (status, receives,
// subscriptions), and the effects its rules decided (replies to senders, events to subscribers, records to its keeper).
public sealed partial class ConnectionSupervisor
{
    /// <summary>Answers a user's ask; <paramref name="status"/> is the state's.</summary>
    private bool Answer(object message, ConnectionStatus status)
    {
        switch (message)
        {
            case Live.Receive receive: OnReceive(receive); return true;
            case ReceiveAll: Sender.Tell(new ReceivedMessages(_traffic.Inbox.TakeAll())); return true;
            case ReceiveTimedOut timedOut:
                var gaveUp = new LiveConnectionException(new ConnectionError.ReceiveTimeout(timedOut.Timeout));
                _traffic.Inbox.GiveUpWaiting(timedOut.Id)?.Tell(new Status.Failure(gaveUp));
                return true;
            case GetStatus:
                Sender.Tell(new StatusReport(status, _reconnect.Attempt, _reconnect.LastError, _resumption.Handle is not null, _reconnect.Connections)
                {
                    PendingMessages = _traffic.Desk.PendingCount,
                    PendingBytes = _traffic.Desk.PendingBytes,
                    UnconfirmedMessages = _traffic.Desk.UnconfirmedCount,
                });
                return true;
            case Subscribe subscribe: OnSubscribe(subscribe.Subscriber); return true;
            case Unsubscribe unsubscribe: OnUnsubscribe(unsubscribe.Subscriber); return true;
            case Terminated terminated: _subscribers.Remove(terminated.ActorRef); return true;
            default: return false;
        }
    }

    private void OnReceive(Live.Receive receive)
    {
        if (_traffic.Inbox.TryTake(out var kept))
        {
            Sender.Tell(kept);
            return;
        }

        var waiting = _traffic.Inbox.Wait(Sender);
        var timeout = receive.Timeout ?? _options.ReceiveTimeout;
        Timers.StartSingleTimer(SessionTraffic.ReceiveTimerKey(waiting.Id), new ReceiveTimedOut(waiting.Id, timeout), timeout);
    }

    private void OnSubscribe(IActorRef subscriber)
    {
        if (_subscribers.Add(subscriber))
        {
            Context.Watch(subscriber);
        }

        Sender.Tell(new Subscribed(subscriber));
        _subscribers.HandBacklogTo(subscriber);
    }

    private void OnUnsubscribe(IActorRef subscriber)
    {
        if (_subscribers.Remove(subscriber))
        {
            Context.Unwatch(subscriber);
        }

        Sender.Tell(new Unsubscribed(subscriber));
    }

    /// <summary>Does, in order, what <see cref="SessionTraffic"/> or <see cref="SessionEndings"/> decided.</summary>
    private void Perform(Effects effects)
    {
        foreach (var effect in effects.All)
        {
            switch (effect.Kind)
            {
                case EffectKind.Tell: effect.Actor!.Tell(effect.Message); break;
                case EffectKind.Publish: _subscribers.Publish((Live.Event)effect.Message, effect.Except); break;
                case EffectKind.Keep: _durability?.Keeper.Tell(effect.Message); break;
                case EffectKind.CancelTimer: Timers.Cancel(effect.Message); break;
            }
        }

        effects.Clear();
    }

    private void Publish(Live.Event @event, IReadOnlyCollection<IActorRef>? except = null) => _subscribers.Publish(@event, except);

    private sealed record ReceiveTimedOut(long Id, TimeSpan Timeout);
}
