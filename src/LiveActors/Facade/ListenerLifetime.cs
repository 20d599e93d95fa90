using Akka.Actor;

namespace LiveActors.Facade;

/// <summary>
/// What a facade knows of its listener actor's life, from outside the actor: whether it has stopped (its session is
/// over), and the early events that no enumeration took before it stopped, so the first enumeration still gets them.
/// </summary>
internal sealed class ListenerLifetime
{
    private readonly CancellationTokenSource _stopped = new(); // cancelled once; never disposed, like an actor's state
    private Live.Event[]? _unclaimed;
    private volatile bool _sessionEnded;

    /// <summary>Cancelled when the listener has stopped.</summary>
    public CancellationToken Stopped => _stopped.Token;

    /// <summary>Whether the session is known to be over (it closed or gave up), possibly before the listener has stopped.</summary>
    public bool SessionEnded => _sessionEnded || _stopped.IsCancellationRequested;

    /// <summary>The session closed or gave up: nothing but session_closed will come from it.</summary>
    public void EndSession() => _sessionEnded = true;

    /// <summary>Called once, by the listener as it stops, with the early events nobody claimed (null: none kept).</summary>
    public void End(IEnumerable<Live.Event>? unclaimed)
    {
        Volatile.Write(ref _unclaimed, unclaimed?.ToArray());
        _stopped.Cancel();
    }

    /// <summary>The early events nobody claimed, for the one caller that asks first; empty for every later one.</summary>
    public Live.Event[] ClaimUnclaimed() => Interlocked.Exchange(ref _unclaimed, null) ?? [];

    /// <summary>The listener's props, bound to this lifetime.</summary>
    public Props ListenerProps(bool subscribed) =>
        ActorFactory<LiveConnectionListener>.Props(() => new LiveConnectionListener(subscribed, this));
}
