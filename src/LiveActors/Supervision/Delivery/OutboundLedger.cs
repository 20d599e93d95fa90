using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision.Delivery;

/// <summary>
/// Where every accepted client message is until it is done: queued while no connection is ready, handed to the current
/// connection (unwritten, or written and not yet confirmed), and finally released, replayed or reported as possibly
/// undelivered. One instance per session, used only by its supervisor (so not thread-safe).
/// </summary>
/// <remarks>
/// <para>Positions count the client messages of one connection as <c>lastConsumedClientMessageIndex</c> does
/// (docs/live-api.md 5.3): setup is 0, the first message after it 1. They start again with every connection.</para>
/// <para>Confirmation by evidence (<see cref="DeliveryTracking.Handle"/>): the server handles a connection's messages
/// in order, so the start of a reply shows it has the message that caused it and everything before
/// (<see cref="ReplyTracker"/> says which, <see cref="Proven"/> records it), and a resumable handle that arrives
/// after the evidence confirms what it proved.</para>
/// <para>The limits bound what waits to be written (queued and handed-unwritten messages); written messages that wait
/// for confirmation are bounded by the same limits separately, and past them the oldest is let go as uncertain
/// (<see cref="TakeLetGo"/>), never as delivered.</para>
/// </remarks>
internal sealed class OutboundLedger(
    OutboundQueueOptions limits,
    DeliveryTracking tracking,
    UncertainDelivery uncertain = UncertainDelivery.Report)
{
    private readonly LinkedList<OutboundMessage> _queued = new();
    private readonly LinkedList<Handed> _handed = new();
    private readonly List<OutboundMessage> _letGo = [];
    private readonly HashSet<long> _resend = [];
    private long _lastWritten = -1;
    private long _nextPosition = 1;
    private long _provenThrough = -1;
    private long _pendingBytes;
    private int _pendingCount;
    private long _unconfirmedBytes;
    private int _unconfirmedCount;

    /// <summary>Messages waiting to be written: queued, or handed to the connection and not yet written.</summary>
    public int PendingCount => _pendingCount;

    /// <summary>Bytes waiting to be written.</summary>
    public long PendingBytes => _pendingBytes;

    /// <summary>Written messages not yet confirmed by the server.</summary>
    public int UnconfirmedCount => _unconfirmedCount;

    /// <summary>Bytes of written messages not yet confirmed.</summary>
    public long UnconfirmedBytes => _unconfirmedBytes;

    /// <summary>Messages handed to the current connection that it has not written, or the server has not confirmed.</summary>
    public int OnConnection => _handed.Count;

    /// <summary>Whether anything at all is still held.</summary>
    public bool IsEmpty => _queued.Count == 0 && _handed.Count == 0;

    /// <summary>The lowest sequence still held (queued or handed), or null when nothing is: everything below it is done.</summary>
    public long? LowestHeld
    {
        get
        {
            long? lowest = null;
            foreach (var message in _queued)
            {
                lowest = Math.Min(lowest ?? long.MaxValue, message.Sequence);
            }

            foreach (var handed in _handed)
            {
                lowest = Math.Min(lowest ?? long.MaxValue, handed.Message.Sequence);
            }

            return lowest;
        }
    }

    /// <summary>Null when a message of <paramref name="size"/> bytes fits, else the BufferFull error to refuse it with.</summary>
    public BufferFull? Refusal(long size) =>
        _pendingCount + 1 > limits.MaxMessages || (_pendingCount > 0 && _pendingBytes + size > limits.MaxBytes)
            ? new BufferFull(_pendingCount, _pendingBytes)
            : null;

    /// <summary>Holds a message ahead of everything queued: the session's own, to go first on the next connection.</summary>
    public void QueueFirst(OutboundMessage message)
    {
        _queued.AddFirst(message);
        AddPending(message, 1);
    }

    /// <summary>
    /// When the current connection ends, send this held message again on the next one rather than report it, whatever
    /// the uncertain-messages policy; false when it is not held (already confirmed, or never handed).
    /// </summary>
    public bool ResendIfHeld(long sequence)
    {
        if (!_handed.Any(h => h.Message.Sequence == sequence))
        {
            return false;
        }

        _resend.Add(sequence);
        return true;
    }

    /// <summary>Holds a message until a connection is ready.</summary>
    public void Queue(OutboundMessage message)
    {
        _queued.AddLast(message);
        AddPending(message, 1);
    }

    /// <summary>Records that a message was handed to the current connection, behind everything handed before it.</summary>
    public void Hand(OutboundMessage message)
    {
        _handed.AddLast(NewHanded(message));
        AddPending(message, 1);
    }

    /// <summary>
    /// A new connection is ready: positions start again at 1 (setup is 0), or after the messages of the handshake
    /// (<paramref name="handshakeMessages"/>: setup, and the initial history when it went), nothing is proven on it yet,
    /// and the queued messages (replays first) move to it, in order.
    /// </summary>
    public IReadOnlyList<OutboundMessage> StartConnection(int handshakeMessages = 1)
    {
        _nextPosition = handshakeMessages;
        _provenThrough = -1;
        var moving = _queued.ToList();
        _queued.Clear();
        foreach (var message in moving)
        {
            _handed.AddLast(NewHanded(message));
        }

        return moving;
    }

    /// <summary>The writer wrote everything up to <paramref name="sequence"/>.</summary>
    public void Written(long sequence)
    {
        for (var node = _handed.First; node is not null; node = node.Next)
        {
            var handed = node.Value;
            if (handed.Message.Sequence > sequence)
            {
                break;
            }

            if (!handed.Written)
            {
                handed.Written = true;
                AddPending(handed.Message, -1);
                AddUnconfirmed(handed.Message, 1);
            }
        }

        _lastWritten = Math.Max(_lastWritten, sequence);
        if (tracking == DeliveryTracking.Written)
        {
            ReleaseWhile(h => h.Written);
        }

        EvictOldestUnconfirmed();
    }

    /// <summary>
    /// A reply on the current connection showed the server has the message numbered <paramref name="sequence"/>, and
    /// so everything handed before it. Only <see cref="DeliveryTracking.Handle"/> releases on this (after a handle).
    /// The writer reports writes in batches, from another thread, so the reply can come first: it counts as the word.
    /// </summary>
    public void Proven(long sequence)
    {
        _provenThrough = Math.Max(_provenThrough, sequence);
        Written(sequence); // the server answered it, so it was written, whether or not the writer's word has come yet
    }

    /// <summary>
    /// A resumable handle arrived: its state includes whatever evidence came before it proved, so under
    /// <see cref="DeliveryTracking.Handle"/> those messages are confirmed. Messages written after the evidence are not:
    /// the handle's arrival says nothing about what was on the wire while it travelled.
    /// </summary>
    public void HandleReceived()
    {
        if (tracking == DeliveryTracking.Handle)
        {
            ReleaseWhile(h => h.Written && h.Message.Sequence <= _provenThrough);
        }
    }

    /// <summary>
    /// Transparent resumption: an update with a usable handle says the server consumed the current connection's
    /// messages up to <paramref name="position"/> (setup being 0).
    /// </summary>
    public void Consumed(long position)
    {
        if (tracking == DeliveryTracking.Transparent)
        {
            ReleaseWhile(h => h.Position <= position);
        }
    }

    /// <summary>The socket's queue was full, so the connection never took this message: it is forgotten, and later positions close up.</summary>
    public void Rejected(OutboundMessage message)
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

    /// <summary>
    /// The connection ended having written up to <paramref name="lastWritten"/>, with <paramref name="inFlight"/> half
    /// written. Messages that may or may not have reached the server are returned (their senders must be told): under
    /// transparent resumption there are none, because everything unconfirmed is replayed, and with handles those that
    /// <c>session-resumption.uncertain-messages</c> says to send again are replayed instead. Everything else that was
    /// handed goes back to the front of the queue, in order, for the next connection.
    /// </summary>
    /// <param name="lastWritten">The last sequence the writer finished.</param>
    /// <param name="inFlight">The message being written when the connection ended, if any.</param>
    /// <param name="exclude">
    /// Messages that must not reach the next connection at all (a toolResponse for a call lost with this one): taken
    /// out of what was handed and what is queued, and returned in <see cref="Settlement.Excluded"/>.
    /// </param>
    public Settlement ConnectionEnded(long lastWritten, OutboundMessage? inFlight, Func<OutboundMessage, bool>? exclude = null)
    {
        Written(lastWritten);
        var uncertain = new List<OutboundMessage>();
        var replay = new List<OutboundMessage>();
        var excluded = new List<OutboundMessage>();
        var replayed = 0;
        if (exclude is not null)
        {
            for (var node = _queued.First; node is not null;)
            {
                var next = node.Next;
                if (exclude(node.Value))
                {
                    excluded.Add(node.Value);
                    AddPending(node.Value, -1);
                    _queued.Remove(node);
                }

                node = next;
            }
        }

        foreach (var handed in _handed)
        {
            if (exclude?.Invoke(handed.Message) == true)
            {
                excluded.Add(handed.Message);
                continue;
            }

            var sent = handed.Written || handed.Message.Sequence == inFlight?.Sequence;
            if (sent && tracking != DeliveryTracking.Transparent && !Resends(handed.Message))
            {
                uncertain.Add(handed.Message);
                continue;
            }

            replay.Add(handed.Message);
            replayed += sent ? 1 : 0;
        }

        while (_handed.First is { } first)
        {
            Forget(first);
        }

        _resend.Clear();
        for (var i = replay.Count - 1; i >= 0; i--)
        {
            _queued.AddFirst(replay[i]);
            AddPending(replay[i], 1);
        }

        return new Settlement(uncertain, replayed) { Excluded = excluded };
    }

    /// <summary>
    /// The connection was closed at our request and the server answered the close: it received everything written, so
    /// written messages are done whatever the tracking.
    /// </summary>
    public void ClosedGracefully(long lastWritten)
    {
        Written(lastWritten);
        while (_handed.First is { Value.Written: true } first)
        {
            Forget(first);
        }
    }

    /// <summary>The session is over: everything still held is taken out, to be failed.</summary>
    public IReadOnlyList<OutboundMessage> TakeAll()
    {
        var all = _handed.Where(h => !h.Written).Select(h => h.Message).Concat(_queued).ToList();
        _handed.Clear();
        _queued.Clear();
        _pendingBytes = _unconfirmedBytes = 0;
        _pendingCount = _unconfirmedCount = 0;
        return all;
    }

    /// <summary>Written messages let go past the limits since the last call, each to be reported as uncertain.</summary>
    public IReadOnlyList<OutboundMessage> TakeLetGo()
    {
        if (_letGo.Count == 0)
        {
            return [];
        }

        var letGo = _letGo.ToArray();
        _letGo.Clear();
        return letGo;
    }

    private bool Resends(OutboundMessage message) => _resend.Contains(message.Sequence) || tracking == DeliveryTracking.Handle && uncertain switch
    {
        UncertainDelivery.ResendAll => true,
        UncertainDelivery.ResendRealtimeAudio => message.Message is RealtimeInput { Audio: not null },
        _ => false,
    };

    private Handed NewHanded(OutboundMessage message) => new(message, _nextPosition++);

    private void ReleaseWhile(Func<Handed, bool> done)
    {
        while (_handed.First is { } first && done(first.Value))
        {
            Forget(first);
        }
    }

    /// <summary>Unconfirmed messages are bounded too: past the limits the oldest is let go, to be reported as uncertain.</summary>
    private void EvictOldestUnconfirmed()
    {
        while ((_unconfirmedCount > limits.MaxMessages || _unconfirmedBytes > limits.MaxBytes) && _handed.First is { Value.Written: true } oldest)
        {
            if (tracking != DeliveryTracking.Written)
            {
                _letGo.Add(oldest.Value.Message);
            }

            Forget(oldest);
        }
    }

    private void Forget(LinkedListNode<Handed> node)
    {
        if (node.Value.Written)
        {
            AddUnconfirmed(node.Value.Message, -1);
        }
        else
        {
            AddPending(node.Value.Message, -1);
        }

        _handed.Remove(node);
    }

    private void AddPending(OutboundMessage message, int sign)
    {
        _pendingCount += sign;
        _pendingBytes += sign * message.Size;
    }

    private void AddUnconfirmed(OutboundMessage message, int sign)
    {
        _unconfirmedCount += sign;
        _unconfirmedBytes += sign * message.Size;
    }

    private sealed class Handed(OutboundMessage message, long position)
    {
        public OutboundMessage Message { get; } = message;

        public long Position { get; set; } = position;

        public bool Written { get; set; }
    }
}

/// <summary>What a connection's end left: messages whose delivery is uncertain, and how many sent ones will be replayed.</summary>
internal sealed record Settlement(IReadOnlyList<OutboundMessage> Uncertain, int Replayed)
{
    /// <summary>Messages the caller asked to keep from the next connection, in order.</summary>
    public IReadOnlyList<OutboundMessage> Excluded { get; init; } = [];
}
