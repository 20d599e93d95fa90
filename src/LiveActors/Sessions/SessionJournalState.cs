using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;

namespace LiveActors.Sessions;

/// <summary>
/// A durable session's state as its journal holds it: the newest handle with when it was issued, the highest sequence
/// ever stored, the accepted messages not yet done, the setup it started with and its subscribers. Built by applying
/// stored events (and a snapshot) in order; plain data, so recovery is tested without a journal.
/// </summary>
internal sealed class SessionJournalState
{
    private readonly SortedDictionary<long, StoredMessage> _held = [];
    private readonly HashSet<string> _subscribers = new(StringComparer.Ordinal); // their serialized paths
    private string? _handle;
    private DateTimeOffset _handleIssued;

    /// <summary>The highest sequence any stored event names: every sequence handed out is at most this.</summary>
    public long LastSequence { get; private set; }

    /// <summary>Whether the start is stored, with the setup it started with.</summary>
    public bool Started { get; private set; }

    /// <summary>The stored setup's wire JSON, or null.</summary>
    public string? Setup { get; private set; }

    /// <summary>Whether a handle is stored.</summary>
    public bool HasHandle => _handle is not null;

    /// <summary>How many accepted messages are not yet done.</summary>
    public int HeldCount => _held.Count;

    /// <summary>The stored subscribers' paths.</summary>
    public IReadOnlyCollection<string> Subscribers => _subscribers;

    /// <summary>Adds a subscriber's path; true when it is new (and so to be stored).</summary>
    public bool Subscribe(string path) => _subscribers.Add(path);

    /// <summary>Removes a subscriber's path; true when it was there (and so its removal is to be stored).</summary>
    public bool Unsubscribe(string path) => _subscribers.Remove(path);

    /// <summary>One stored event, in journal order.</summary>
    public void Apply(SessionEvent @event)
    {
        switch (@event.Kind)
        {
            case SessionEventKind.Accepted:
                _held[@event.Sequence] = new StoredMessage(@event.Sequence, @event.Message ?? "{}", @event.Correlation);
                LastSequence = Math.Max(LastSequence, @event.Sequence);
                break;
            case SessionEventKind.DoneThrough:
                while (_held.Count > 0 && _held.First().Key <= @event.Sequence)
                {
                    _held.Remove(_held.First().Key);
                }

                LastSequence = Math.Max(LastSequence, @event.Sequence);
                break;
            case SessionEventKind.Handle:
                _handle = @event.Handle;
                _handleIssued = @event.At;
                break;
            case SessionEventKind.Started:
                Started = true;
                Setup = @event.Message;
                break;
            case SessionEventKind.Subscribed when @event.Subscriber is { } subscriber:
                _subscribers.Add(subscriber);
                break;
            case SessionEventKind.Unsubscribed when @event.Subscriber is { } subscriber:
                _subscribers.Remove(subscriber);
                break;
        }
    }

    /// <summary>The whole state, to store as a snapshot.</summary>
    public SessionSnapshot Snapshot() => new()
    {
        Handle = _handle,
        HandleIssued = _handleIssued,
        LastSequence = LastSequence,
        Held = [.. _held.Values],
        Setup = Setup,
        Started = Started,
        Subscribers = [.. _subscribers],
    };

    /// <summary>Replaces the state with a stored snapshot's.</summary>
    public void Restore(SessionSnapshot snapshot)
    {
        _handle = snapshot.Handle;
        _handleIssued = snapshot.HandleIssued;
        LastSequence = snapshot.LastSequence;
        Started = snapshot.Started;
        Setup = snapshot.Setup;
        _subscribers.Clear();
        _subscribers.UnionWith(snapshot.Subscribers ?? []);
        _held.Clear();
        foreach (var message in snapshot.Held ?? [])
        {
            _held[message.Sequence] = message;
        }
    }

    /// <summary>
    /// What the session starts from after a restart: the handle while younger than <paramref name="handleValidity"/> at
    /// <paramref name="now"/>, the last sequence, and the messages not yet done, in order; null when nothing was stored.
    /// </summary>
    public RecoveredSession? Recovered(bool anythingStored, DateTimeOffset now, TimeSpan handleValidity, Func<string, ClientMessage> read)
    {
        if (!anythingStored && _handle is null)
        {
            return null;
        }

        var young = _handle is not null && now - _handleIssued < handleValidity;
        return new RecoveredSession(
            young ? _handle : null,
            LastSequence,
            [.. _held.Values.Select(m => new HeldMessage(m.Sequence, read(m.Message), m.Correlation))],
            HandleTooOld: _handle is not null && !young);
    }
}
