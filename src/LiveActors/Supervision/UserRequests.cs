using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Supervision.Inbox;
using LiveActors.Supervision.Reconnection;
using static LiveActors.Live;

namespace LiveActors.Supervision;

/// <summary>
/// What a session answers its users the same way in every state: a Receive (what the inbox holds, or a wait with its
/// timer), a ReceiveAll, a GetStatus (the status is the state's, the counts the rules'), a Subscribe or an Unsubscribe,
/// and a subscriber that stopped. Each answer is the <see cref="Effects"/> the actor performs; a message that is no
/// user's request gets none.
/// </summary>
/// <param name="receiveTimeout">How long a Receive waits when it does not say.</param>
/// <param name="traffic">The session's traffic: its inbox and its delivery desk.</param>
/// <param name="subscribers">Who hears the session's events.</param>
/// <param name="reconnect">The counts the status reports: attempts, last error, connections.</param>
/// <param name="resumption">Whether the status reports the session resumable.</param>
internal sealed class UserRequests(TimeSpan receiveTimeout, SessionTraffic traffic, Subscribers subscribers, ReconnectPolicy reconnect, Resumption resumption)
{
    private Effects Effects => traffic.Effects;

    /// <summary>The answer to <paramref name="message"/> from <paramref name="sender"/>, the session being <paramref name="status"/>; null when it is no request.</summary>
    public Effects? Answer(object message, ConnectionStatus status, IActorRef sender)
    {
        switch (message)
        {
            case Live.Receive receive: Receive(receive, sender); break;
            case ReceiveAll: Effects.Tell(sender, new ReceivedMessages(traffic.Inbox.TakeAll())); break;
            case ReceiveTimedOut timedOut: GiveUp(timedOut); break;
            case GetStatus: Effects.Tell(sender, Report(status)); break;
            case Subscribe subscribe: Subscribe(subscribe.Subscriber, sender); break;
            case Unsubscribe unsubscribe: Unsubscribe(unsubscribe.Subscriber, sender); break;
            case Terminated terminated: subscribers.Remove(terminated.ActorRef); break;
            default: return null;
        }

        return Effects;
    }

    /// <summary>The session starts: it watches its subscribers from the start.</summary>
    public Effects WatchSubscribers()
    {
        foreach (var subscriber in subscribers.All)
        {
            Effects.Watch(subscriber);
        }

        return Effects;
    }

    /// <summary>What the session reports being <paramref name="status"/>: the counts of its rules beside it.</summary>
    public StatusReport Report(ConnectionStatus status) =>
        new(status, reconnect.Attempt, reconnect.LastError, resumption.Handle is not null, reconnect.Connections)
        {
            PendingMessages = traffic.Desk.PendingCount,
            PendingBytes = traffic.Desk.PendingBytes,
            UnconfirmedMessages = traffic.Desk.UnconfirmedCount,
        };

    private void Receive(Live.Receive receive, IActorRef sender)
    {
        if (traffic.Inbox.TryTake(out var kept))
        {
            Effects.Tell(sender, kept);
            return;
        }

        var waiting = traffic.Inbox.Wait(sender);
        var timeout = receive.Timeout ?? receiveTimeout;
        Effects.StartTimer(SessionTraffic.ReceiveTimerKey(waiting.Id), new ReceiveTimedOut(waiting.Id, timeout), timeout);
    }

    private void GiveUp(ReceiveTimedOut timedOut)
    {
        if (traffic.Inbox.GiveUpWaiting(timedOut.Id) is { } receiver)
        {
            Effects.Tell(receiver, new Status.Failure(new LiveConnectionException(new ConnectionError.ReceiveTimeout(timedOut.Timeout))));
        }
    }

    private void Subscribe(IActorRef subscriber, IActorRef sender)
    {
        if (subscribers.Add(subscriber))
        {
            Effects.Watch(subscriber);
        }

        Effects.Tell(sender, new Subscribed(subscriber));
        foreach (var kept in subscribers.TakeBacklog())
        {
            Effects.Tell(subscriber, kept);
        }
    }

    private void Unsubscribe(IActorRef subscriber, IActorRef sender)
    {
        if (subscribers.Remove(subscriber))
        {
            Effects.Unwatch(subscriber);
        }

        Effects.Tell(sender, new Unsubscribed(subscriber));
    }
}

/// <summary>The timer of waiting receiver <paramref name="Id"/> went off after <paramref name="Timeout"/>: it fails with ReceiveTimeout.</summary>
internal sealed record ReceiveTimedOut(long Id, TimeSpan Timeout);
