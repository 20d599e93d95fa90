using Akka.Actor;

namespace LiveActors.Supervision.Inbox;

/// <summary>
/// Who hears a session's events: the subscribed actors, and, for a session that speaks before anyone could subscribe
/// (one its keeper recovered after a restart), the first events, kept for the first subscriber.
/// </summary>
/// <remarks>The session watches whom <see cref="Add"/> reports new and unwatches whom <see cref="Remove"/> reports gone.</remarks>
internal sealed class Subscribers
{
    /// <summary>The most events kept for a first subscriber: a session nobody ever subscribes to must not grow without bound.</summary>
    public const int BacklogLimit = 64;

    private readonly HashSet<IActorRef> _subscribed = [];
    private List<Live.Event>? _backlog;

    /// <param name="first">Subscribed from the start, when given.</param>
    /// <param name="keepBacklog">Keep what is published while nobody listens, for the first subscriber.</param>
    public Subscribers(IActorRef? first, bool keepBacklog)
    {
        if (first is not null)
        {
            _subscribed.Add(first);
        }

        _backlog = keepBacklog ? [] : null;
    }

    /// <summary>The subscribed actors.</summary>
    public IReadOnlyCollection<IActorRef> All => _subscribed;

    /// <summary>Subscribes <paramref name="subscriber"/>; true when it was not subscribed yet (and so is to be watched).</summary>
    public bool Add(IActorRef subscriber) => _subscribed.Add(subscriber);

    /// <summary>Unsubscribes <paramref name="subscriber"/>; true when it was subscribed (and so is to be unwatched).</summary>
    public bool Remove(IActorRef subscriber) => _subscribed.Remove(subscriber);

    /// <summary>
    /// What was published before anyone subscribed, for the first subscriber, oldest first: only the first call gets
    /// it, and after it nothing more is kept.
    /// </summary>
    public IReadOnlyList<Live.Event> TakeBacklog()
    {
        var backlog = _backlog ?? [];
        _backlog = null;
        return backlog;
    }

    /// <summary>Tells every subscriber but those in <paramref name="except"/> (they were told already, as an answer).</summary>
    public void Publish(Live.Event @event, IReadOnlyCollection<IActorRef>? except = null)
    {
        if (_backlog is { Count: < BacklogLimit } backlog && _subscribed.Count == 0)
        {
            backlog.Add(@event);
        }

        foreach (var subscriber in _subscribed)
        {
            if (except is null || !except.Contains(subscriber))
            {
                subscriber.Tell(@event);
            }
        }
    }
}
