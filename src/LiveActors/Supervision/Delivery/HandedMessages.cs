using LiveActors.Transport;

namespace LiveActors.Supervision.Delivery;

/// <summary>
/// The messages handed to the current connection, oldest first, each with its position on the connection and whether the
/// writer has written it; counted by what waits to be written (unwritten) and what waits for confirmation (written).
/// Positions count as <c>lastConsumedClientMessageIndex</c> does (docs/live-api.md 5.3). Messages leave from the front,
/// when confirmed, or all at once when the connection ends. One instance per <see cref="OutboundLedger"/>; not thread-safe.
/// </summary>
internal sealed class HandedMessages
{
    private readonly LinkedList<Handed> _handed = new();
    private LinkedListNode<Handed>? _consumed; // the one consumed turn held, if any
    private long _nextPosition = 1;

    /// <summary>How many are held.</summary>
    public int Count => _handed.Count;

    /// <summary>Held messages not yet written.</summary>
    public int UnwrittenCount { get; private set; }

    /// <summary>Bytes of held messages not yet written.</summary>
    public long UnwrittenBytes { get; private set; }

    /// <summary>Written messages not yet confirmed (released).</summary>
    public int WrittenCount { get; private set; }

    /// <summary>Bytes of written messages not yet confirmed.</summary>
    public long WrittenBytes { get; private set; }

    /// <summary>Turns the server consumed whose answer has not been seen yet (not counted as written).</summary>
    public int ConsumedCount { get; private set; }

    /// <summary>The lowest sequence held, or null when none is.</summary>
    public long? LowestSequence
    {
        get
        {
            long? lowest = null;
            foreach (var handed in _handed)
            {
                lowest = Math.Min(lowest ?? long.MaxValue, handed.Message.Sequence);
            }

            return lowest;
        }
    }

    /// <summary>A new connection: the next message handed is at <paramref name="firstPosition"/> (after the handshake's).</summary>
    public void Restart(long firstPosition) => _nextPosition = firstPosition;

    /// <summary>Holds <paramref name="message"/>, unwritten, at the next position.</summary>
    public void Add(OutboundMessage message)
    {
        _handed.AddLast(new Handed(message, _nextPosition++));
        Tally(message, Tallied.Unwritten, 1);
    }

    /// <summary>Whether the message numbered <paramref name="sequence"/> is held.</summary>
    public bool Holds(long sequence)
    {
        foreach (var handed in _handed)
        {
            if (handed.Message.Sequence == sequence)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Marks written every message from the front up to the first numbered above <paramref name="sequence"/>.</summary>
    public void WrittenThrough(long sequence)
    {
        for (var node = _handed.First; node is not null; node = node.Next)
        {
            var handed = node.Value;
            if (handed.Message.Sequence > sequence)
            {
                break;
            }

            MarkWritten(handed);
        }
    }

    /// <summary>Lets go, from the front, the written messages numbered up to <paramref name="sequence"/>.</summary>
    public void ReleaseWrittenThrough(long sequence)
    {
        while (_handed.First is { Value: { Written: true } handed } first && handed.Message.Sequence <= sequence)
        {
            Forget(first);
        }
    }

    /// <summary>
    /// The server consumed the messages at positions up to <paramref name="position"/>, written or not as the writer's
    /// word goes: each is let go, unless <paramref name="awaitsReply"/> says it is a turn that waits for its answer. Of
    /// those, only the newest the server consumed is kept, as consumed (written, never to go again, no longer
    /// unconfirmed) until <see cref="ReleaseConsumed"/>: a turn before it is settled, because a new turn
    /// interrupts whatever the server was generating, so it was answered already or never will be (it was superseded,
    /// in order, like a turn the user talks over). A consumed turn kept from an earlier update is superseded the same way.
    /// </summary>
    public void ReleaseThroughPosition(long position, Func<OutboundMessage, bool> awaitsReply)
    {
        LinkedListNode<Handed>? newest = null;
        for (var node = _handed.First; node is not null && node.Value.Position <= position;)
        {
            var next = node.Next;
            if (!awaitsReply(node.Value.Message))
            {
                Forget(node);
            }
            else
            {
                if (newest is not null)
                {
                    Forget(newest); // superseded by this later turn
                }

                newest = node;
            }

            node = next;
        }

        if (newest is { Value: { Consumed: false } turn })
        {
            MarkWritten(turn);
            Tally(turn.Message, Tallied.Written, -1);
            turn.Consumed = true;
            Tally(turn.Message, Tallied.Consumed, 1);
            _consumed = newest;
        }
    }

    /// <summary>A reply answered the consumed turn held, if one is: it is let go.</summary>
    public void ReleaseConsumed()
    {
        if (_consumed is not null)
        {
            Forget(_consumed);
        }
    }

    /// <summary>Lets go the oldest message when it is written, and returns it; null when it is not (or none is held).</summary>
    public OutboundMessage? ReleaseOldestWritten()
    {
        if (_handed.First is not { Value.Written: true } oldest)
        {
            return null;
        }

        Forget(oldest);
        return oldest.Value.Message;
    }

    /// <summary>The connection never took <paramref name="message"/>: it is forgotten, and later positions close up.</summary>
    public void Reject(OutboundMessage message)
    {
        for (var node = _handed.First; node is not null; node = node.Next)
        {
            if (node.Value.Message.Sequence != message.Sequence)
            {
                continue;
            }

            for (var later = node.Next; later is not null; later = later.Next)
            {
                later.Value.Position--;
            }

            _nextPosition--;
            Forget(node);
            return;
        }
    }

    /// <summary>Every message held, oldest first, with whether it was written and whether the server consumed it; none is held after.</summary>
    public IReadOnlyList<(OutboundMessage Message, bool Written, bool Consumed)> TakeAll()
    {
        var all = _handed.Select(h => (h.Message, h.Written, h.Consumed)).ToList();
        _handed.Clear();
        _consumed = null;
        UnwrittenCount = WrittenCount = ConsumedCount = 0;
        UnwrittenBytes = WrittenBytes = 0;
        return all;
    }

    private void MarkWritten(Handed handed)
    {
        if (!handed.Written)
        {
            handed.Written = true;
            Tally(handed.Message, Tallied.Unwritten, -1);
            Tally(handed.Message, Tallied.Written, 1);
        }
    }

    private void Forget(LinkedListNode<Handed> node)
    {
        var handed = node.Value;
        Tally(handed.Message, handed.Consumed ? Tallied.Consumed : handed.Written ? Tallied.Written : Tallied.Unwritten, -1);
        _handed.Remove(node);
        if (node == _consumed)
        {
            _consumed = null;
        }
    }

    private void Tally(OutboundMessage message, Tallied where, int sign)
    {
        switch (where)
        {
            case Tallied.Unwritten:
                UnwrittenCount += sign;
                UnwrittenBytes += sign * message.Size;
                break;
            case Tallied.Written:
                WrittenCount += sign;
                WrittenBytes += sign * message.Size;
                break;
            default:
                ConsumedCount += sign;
                break;
        }
    }

    /// <summary>Which count a held message is in.</summary>
    private enum Tallied
    {
        Unwritten,
        Written,
        Consumed,
    }

    private sealed class Handed(OutboundMessage message, long position)
    {
        public OutboundMessage Message { get; } = message;

        public long Position { get; set; } = position;

        public bool Written { get; set; }

        /// <summary>The server's index covers it, but no reply has answered it yet (at most one message is).</summary>
        public bool Consumed { get; set; }
    }
}
