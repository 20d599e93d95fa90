using LiveActors.Options;
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
    private readonly HandedMessages _handed = new();
    private readonly ReplayRule _replay = new(tracking, uncertain);
    private readonly List<OutboundMessage> _letGo = [];
    private long _provenThrough = -1;
    private long _answeredThrough = -1;
    private long _queuedBytes;

    /// <summary>Messages waiting to be written: queued, or handed to the connection and not yet written.</summary>
    public int PendingCount => _queued.Count + _handed.UnwrittenCount;

    /// <summary>Bytes waiting to be written.</summary>
    public long PendingBytes => _queuedBytes + _handed.UnwrittenBytes;

    /// <summary>Written messages not yet confirmed by the server (a consumed turn awaiting its answer is confirmed).</summary>
    public int UnconfirmedCount => _handed.WrittenCount;

    /// <summary>Bytes of written messages not yet confirmed.</summary>
    public long UnconfirmedBytes => _handed.WrittenBytes;

    /// <summary>Messages handed to the current connection that it has not written, or the server has not confirmed.</summary>
    public int OnConnection => _handed.Count;

    /// <summary>Whether anything at all is still held.</summary>
    public bool IsEmpty => _queued.Count == 0 && _handed.Count == 0;

    /// <summary>The lowest sequence still held (queued or handed), or null when nothing is: everything below it is done.</summary>
    public long? LowestHeld
    {
        get
        {
            var lowest = _handed.LowestSequence;
            foreach (var message in _queued)
            {
                lowest = Math.Min(lowest ?? long.MaxValue, message.Sequence);
            }

            return lowest;
        }
    }

    /// <summary>Null when a message of <paramref name="size"/> bytes fits, else the BufferFull error to refuse it with.</summary>
    public BufferFull? Refusal(long size) =>
        PendingCount + 1 > limits.MaxMessages || (PendingCount > 0 && PendingBytes + size > limits.MaxBytes)
            ? new BufferFull(PendingCount, PendingBytes)
            : null;

    /// <summary>Holds a message ahead of everything queued: the session's own, to go first on the next connection.</summary>
    public void QueueFirst(OutboundMessage message)
    {
        _queued.AddFirst(message);
        _queuedBytes += message.Size;
    }

    /// <summary>
    /// When the current connection ends, send this held message again on the next one rather than report it, whatever
    /// the uncertain-messages policy; false when it is not held (already confirmed, or never handed).
    /// </summary>
    public bool ResendIfHeld(long sequence)
    {
        if (!_handed.Holds(sequence))
        {
            return false;
        }

        _replay.Resend(sequence);
        return true;
    }

    /// <summary>Holds a message until a connection is ready.</summary>
    public void Queue(OutboundMessage message)
    {
        _queued.AddLast(message);
        _queuedBytes += message.Size;
    }

    /// <summary>Records that a message was handed to the current connection, behind everything handed before it.</summary>
    public void Hand(OutboundMessage message) => _handed.Add(message);

    /// <summary>
    /// A new connection is ready: positions start again at 1 (setup is 0), or after the messages of the handshake
    /// (<paramref name="handshakeMessages"/>: setup, and the initial history when it went), nothing is proven on it yet,
    /// and the queued messages (replays first) move to it, in order.
    /// </summary>
    public IReadOnlyList<OutboundMessage> StartConnection(int handshakeMessages = 1)
    {
        _handed.Restart(handshakeMessages);
        _provenThrough = _answeredThrough = -1;
        var moving = _queued.ToList();
        _queued.Clear();
        _queuedBytes = 0;
        foreach (var message in moving)
        {
            _handed.Add(message);
        }

        return moving;
    }

    /// <summary>The writer wrote everything up to <paramref name="sequence"/>.</summary>
    public void Written(long sequence)
    {
        _handed.WrittenThrough(sequence);
        if (tracking == DeliveryTracking.Written)
        {
            _handed.ReleaseWrittenThrough(long.MaxValue);
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
    /// Transparent resumption: a reply started, put down to the turn numbered <paramref name="sequence"/> (or one before
    /// it) on the current connection: the turns up to it are answered, and so is the turn an index showed consumed
    /// before this reply came (the server answers, or cuts short for a newer one, what it consumed; it sends in order).
    /// </summary>
    public void Answered(long sequence)
    {
        _answeredThrough = Math.Max(_answeredThrough, sequence);
        _handed.ReleaseConsumed();
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
            _handed.ReleaseWrittenThrough(_provenThrough);
        }
    }

    /// <summary>
    /// Transparent resumption: an update with a usable handle says the server consumed the current connection's
    /// messages up to <paramref name="position"/> (setup being 0). Each is delivered and never goes again; the newest turn
    /// among them, when no reply has answered it yet, is kept until one does (<see cref="Answered"/>), and a drop before
    /// that reports it uncertain. A turn before it was superseded by it (<see cref="HandedMessages.ReleaseThroughPosition"/>).
    /// </summary>
    public void Consumed(long position)
    {
        if (tracking == DeliveryTracking.Transparent)
        {
            _handed.ReleaseThroughPosition(position, m => m.Sequence > _answeredThrough && ReplayRule.AwaitsReply(m.Message));
        }
    }

    /// <summary>The socket's queue was full, so the connection never took this message: it is forgotten, and later positions close up.</summary>
    public void Rejected(OutboundMessage message) => _handed.Reject(message);

    /// <summary>
    /// The connection ended having written up to <paramref name="lastWritten"/>, with <paramref name="inFlight"/> half
    /// written. Messages that may or may not have reached the server are returned (their senders must be told): under
    /// transparent resumption only the turns the server consumed and no reply answered (everything it did not consume is
    /// replayed, and a consumed message never goes twice), and with handles those that
    /// <c>session-resumption.uncertain-messages</c> says to send again are replayed instead (<see cref="ReplayRule"/>).
    /// Everything else that was handed goes back to the front of the queue, in order, for the next connection.
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
                    _queuedBytes -= node.Value.Size;
                    _queued.Remove(node);
                }

                node = next;
            }
        }

        foreach (var (message, written, consumed) in _handed.TakeAll())
        {
            if (exclude?.Invoke(message) == true)
            {
                excluded.Add(message);
                continue;
            }

            var sent = written || message.Sequence == inFlight?.Sequence;
            if (consumed || !_replay.Replays(message, sent)) // consumed: the server has it, so it never goes twice
            {
                uncertain.Add(message);
                continue;
            }

            replay.Add(message);
            replayed += sent ? 1 : 0;
        }

        _replay.ConnectionEnded();
        for (var i = replay.Count - 1; i >= 0; i--)
        {
            QueueFirst(replay[i]);
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
        _handed.ReleaseWrittenThrough(long.MaxValue);
    }

    /// <summary>The session is over: everything still held is taken out, to be failed.</summary>
    public IReadOnlyList<OutboundMessage> TakeAll()
    {
        var all = _handed.TakeAll().Where(h => !h.Written).Select(h => h.Message).Concat(_queued).ToList();
        _queued.Clear();
        _queuedBytes = 0;
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

    /// <summary>Unconfirmed messages are bounded too: past the limits the oldest is let go, to be reported as uncertain.</summary>
    private void EvictOldestUnconfirmed()
    {
        while ((_handed.WrittenCount > limits.MaxMessages || _handed.WrittenBytes > limits.MaxBytes) && _handed.ReleaseOldestWritten() is { } oldest)
        {
            if (tracking != DeliveryTracking.Written)
            {
                _letGo.Add(oldest);
            }
        }
    }
}

/// <summary>What a connection's end left: messages whose delivery is uncertain, and how many sent ones will be replayed.</summary>
internal sealed record Settlement(IReadOnlyList<OutboundMessage> Uncertain, int Replayed)
{
    /// <summary>Messages the caller asked to keep from the next connection, in order.</summary>
    public IReadOnlyList<OutboundMessage> Excluded { get; init; } = [];
}
