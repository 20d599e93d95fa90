using Akka.Actor;
using Akka.Dispatch;
using Akka.Dispatch.MessageQueues;

namespace LiveActors.Supervision.Dispatch;

/// <summary>
/// An unbounded message queue that is small while idle: a ring of envelopes behind a lock, four slots to start with,
/// doubled as a burst needs, and back to four once the queue drains after holding no more than <see cref="KeptSlots"/>
/// (so a flood, which drains and fills again and again, keeps its ring instead of growing a new one each time, and the
/// first quiet spell after it lets the ring go). The lock is taken once per message each way and almost never
/// contended (a session's messages mostly arrive from the receive loop, which then runs the session itself: see
/// <see cref="ReceiveBatch"/>).
/// </summary>
internal sealed class SessionMessageQueue : IMessageQueue, IUnboundedMessageQueueSemantics
{
    /// <summary>A ring grown past this many slots is let go when the queue drains, if it held no more than this many since the drain before.</summary>
    public const int KeptSlots = 64;

    private const int InitialSlots = 4;

    private readonly Lock _lock = new();
    private Envelope[] _ring = new Envelope[InitialSlots];
    private int _head;
    private int _count;
    private int _peak; // the most held since the queue last drained

    /// <inheritdoc />
    public bool HasMessages => Volatile.Read(ref _count) > 0;

    /// <inheritdoc />
    public int Count => Volatile.Read(ref _count);

    /// <summary>How many envelopes the ring can hold before it grows: for tests.</summary>
    internal int Slots
    {
        get
        {
            lock (_lock)
            {
                return _ring.Length;
            }
        }
    }

    /// <inheritdoc />
    public void Enqueue(IActorRef receiver, Envelope envelope)
    {
        lock (_lock)
        {
            if (_count == _ring.Length)
            {
                Grow();
            }

            _ring[(_head + _count) % _ring.Length] = envelope;
            Volatile.Write(ref _count, _count + 1);
            _peak = Math.Max(_peak, _count);
        }
    }

    /// <inheritdoc />
    public bool TryDequeue(out Envelope envelope)
    {
        lock (_lock)
        {
            if (_count == 0)
            {
                envelope = default;
                return false;
            }

            envelope = _ring[_head];
            _ring[_head] = default; // the queue must not keep a handled message alive
            _head = (_head + 1) % _ring.Length;
            Volatile.Write(ref _count, _count - 1);
            if (_count == 0)
            {
                if (_ring.Length > KeptSlots && _peak <= KeptSlots)
                {
                    _ring = new Envelope[InitialSlots];
                    _head = 0;
                }

                _peak = 0;
            }

            return true;
        }
    }

    /// <inheritdoc />
    public void CleanUp(IActorRef owner, IMessageQueue deadletters)
    {
        while (TryDequeue(out var envelope))
        {
            deadletters.Enqueue(owner, envelope);
        }
    }

    private void Grow()
    {
        var grown = new Envelope[_ring.Length * 2];
        var firstPart = Math.Min(_count, _ring.Length - _head);
        Array.Copy(_ring, _head, grown, 0, firstPart);
        Array.Copy(_ring, 0, grown, firstPart, _count - firstPart);
        _ring = grown;
        _head = 0;
    }
}
