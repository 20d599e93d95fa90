namespace LiveActors.Extensions.AI;

/// <summary>
/// The MEAI <c>MessageId</c> of each message sent with one, by the session's sequence number, so that a
/// <c>SendFailed</c> names the message it failed. The session reports no success per message, so the oldest ids go
/// past <see cref="Capacity"/>: a failure that late names no id, and is still reported.
/// </summary>
internal sealed class SentMessageIds
{
    /// <summary>How many ids are kept.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<long, string> _ids = [];
    private readonly Queue<long> _order = new();
    private readonly Lock _lock = new();

    /// <summary>Message <paramref name="sequence"/> was sent as <paramref name="id"/>.</summary>
    public void Sent(long sequence, string id)
    {
        lock (_lock)
        {
            if (_order.Count == Capacity)
            {
                _ids.Remove(_order.Dequeue());
            }

            _ids[sequence] = id;
            _order.Enqueue(sequence);
        }
    }

    /// <summary>The id message <paramref name="sequence"/> was sent with, if it had one and it is still kept.</summary>
    public string? Failed(long sequence)
    {
        lock (_lock)
        {
            return _ids.Remove(sequence, out var id) ? id : null;
        }
    }
}
