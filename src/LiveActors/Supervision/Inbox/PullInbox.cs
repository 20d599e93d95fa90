using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Transport;

namespace LiveActors.Supervision.Inbox;

/// <summary>
/// The pull side of a session: server messages kept for <see cref="Live.Receive"/>, and the receivers waiting for one.
/// A message goes to the receiver that has waited longest; with nobody waiting it is kept, and past either limit
/// (<c>inbox-capacity</c> messages, <c>inbox-max-bytes</c>) the oldest kept ones go, though the newest always stays.
/// </summary>
/// <remarks>It keeps no timers: the session times each waiting receiver out with <see cref="WaitingReceiver.Id"/>.</remarks>
/// <param name="capacity">The most messages kept.</param>
/// <param name="maxBytes">The most wire bytes kept (the newest message stays even past it).</param>
internal sealed class PullInbox(int capacity, long maxBytes)
{
    private readonly Queue<InboundMessage> _kept = new();
    private readonly LinkedList<WaitingReceiver> _waiting = new();
    private long _bytes;
    private bool _overflowing;
    private long _lastId;

    /// <summary>How many messages are kept.</summary>
    public int Count => _kept.Count;

    /// <summary>The wire bytes of the kept messages.</summary>
    public long Bytes => _bytes;

    /// <summary>
    /// A server message arrived: the receiver that has waited longest takes it, or it is kept and the oldest kept past the
    /// limits are dropped. The overflow is flagged once per run of drops: a Receive that finds the inbox empty ends the run.
    /// </summary>
    public Arrival Arrived(InboundMessage inbound)
    {
        if (_waiting.First is { } first)
        {
            _waiting.RemoveFirst();
            return new Arrival(first.Value, Dropped: 0, OverflowBegan: false);
        }

        _kept.Enqueue(inbound);
        _bytes += inbound.Bytes;
        var dropped = 0;
        while (_kept.Count > capacity || (_bytes > maxBytes && _kept.Count > 1))
        {
            _bytes -= _kept.Dequeue().Bytes;
            dropped++;
        }

        var began = dropped > 0 && !_overflowing;
        _overflowing |= dropped > 0;
        return new Arrival(TakenBy: null, dropped, began);
    }

    /// <summary>The oldest kept message, when there is one.</summary>
    public bool TryTake(out ServerMessage message)
    {
        if (_kept.TryDequeue(out var kept))
        {
            _bytes -= kept.Bytes;
            message = kept.Message;
            return true;
        }

        message = null!;
        return false;
    }

    /// <summary>Every kept message, oldest first; the inbox is empty after.</summary>
    public ServerMessage[] TakeAll()
    {
        var all = _kept.Select(inbound => inbound.Message).ToArray();
        _kept.Clear();
        _bytes = 0;
        _overflowing = false;
        return all;
    }

    /// <summary><paramref name="receiver"/> found the inbox empty: it waits for the next message, behind those waiting already.</summary>
    public WaitingReceiver Wait(IActorRef receiver)
    {
        _overflowing = false; // it was drained: a later overflow is news again
        var waiting = new WaitingReceiver(++_lastId, receiver);
        _waiting.AddLast(waiting);
        return waiting;
    }

    /// <summary>The receiver waiting as <paramref name="id"/> stops waiting; null when it was answered already.</summary>
    public IActorRef? GiveUpWaiting(long id)
    {
        for (var node = _waiting.First; node is not null; node = node.Next)
        {
            if (node.Value.Id == id)
            {
                _waiting.Remove(node);
                return node.Value.Receiver;
            }
        }

        return null;
    }

    /// <summary>Every waiting receiver, in order; none waits after (the session is over).</summary>
    public IReadOnlyList<WaitingReceiver> TakeWaiting()
    {
        var all = _waiting.ToArray();
        _waiting.Clear();
        return all;
    }
}

/// <summary>A receiver waiting for a server message, and the id its timeout knows it by.</summary>
internal readonly record struct WaitingReceiver(long Id, IActorRef Receiver);

/// <summary>
/// What became of an arriving message: <paramref name="TakenBy"/> the receiver that gets it, else kept, with
/// <paramref name="Dropped"/> older ones dropped for it; <paramref name="OverflowBegan"/> when those are the first of a run.
/// </summary>
internal readonly record struct Arrival(WaitingReceiver? TakenBy, int Dropped, bool OverflowBegan);
