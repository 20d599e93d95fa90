namespace LiveActors.Transport;

/// <summary>
/// How far a socket's writing got, as its <see cref="SocketWriter"/> keeps it (as Akka.IO's TcpConnection keeps its
/// PendingSimpleWritesQueue): the message in flight, those queued behind it up to the queue's capacity, the last one
/// written, and whether a close was asked for, a write failed or the socket stopped. Plain state, not thread-safe: the
/// writer calls it under its lock, and never sends from it.
/// </summary>
/// <param name="capacity">How many messages may queue behind the one in flight.</param>
internal sealed class PendingWrites(int capacity)
{
    private readonly Queue<OutboundMessage> _queue = new(0);

    /// <summary>What <see cref="Admit"/> made of a message.</summary>
    public enum Admission
    {
        /// <summary>Nothing was in flight: it is now, and the caller sends it.</summary>
        SendNow,

        /// <summary>Queued behind the message in flight; <see cref="Finished"/> hands it out in its turn.</summary>
        Queued,

        /// <summary>The writing failed or the socket stopped: never written, the connection's end settles it.</summary>
        Held,

        /// <summary>Not taken: the queue is full, or a close was asked for.</summary>
        Refused,
    }

    /// <summary>The message whose send has started and is not known to be finished, if any.</summary>
    public OutboundMessage? InFlight { get; private set; }

    /// <summary>The sequence of the last message written, or -1.</summary>
    public long LastWritten { get; private set; } = -1;

    /// <summary>Whether a close was asked for: the queue drains, then the close goes, and nothing more is taken.</summary>
    public bool CloseRequested { get; private set; }

    /// <summary>Whether a write (or the close) failed: nothing more is sent.</summary>
    public bool Failed { get; private set; }

    /// <summary>Whether the socket stopped: nothing more is sent.</summary>
    public bool Stopped { get; private set; }

    /// <summary>Takes <paramref name="message"/>: in flight when nothing is, else behind what is queued, if it may be.</summary>
    public Admission Admit(OutboundMessage message)
    {
        if (CloseRequested)
        {
            return Admission.Refused;
        }

        if (Failed || Stopped)
        {
            return Admission.Held;
        }

        if (InFlight is not null)
        {
            if (_queue.Count >= capacity)
            {
                return Admission.Refused;
            }

            _queue.Enqueue(message);
            return Admission.Queued;
        }

        InFlight = message;
        return Admission.SendNow;
    }

    /// <summary>
    /// <paramref name="message"/>, the one in flight, is written: the next queued message, if any, is in flight now and
    /// returned; null when the queue ran dry.
    /// </summary>
    public OutboundMessage? Finished(OutboundMessage message)
    {
        LastWritten = message.Sequence;
        InFlight = _queue.TryDequeue(out var next) ? next : null;
        return InFlight;
    }

    /// <summary>Whether the close is due now that the queue ran dry: it was asked for, and the socket has not stopped.</summary>
    public bool CloseDueWhenDry => CloseRequested && !Stopped;

    /// <summary>Asks for the close; true when it should start now (first asked, nothing in flight, nothing failed or stopped).</summary>
    public bool RequestClose()
    {
        if (CloseRequested)
        {
            return false;
        }

        CloseRequested = true;
        return InFlight is null && !Failed && !Stopped; // else the last write closes; a failed or stopped socket sends nothing more
    }

    /// <summary>A send failed: the message in flight stays in flight (it may have reached the server).</summary>
    public void Fail() => Failed = true;

    /// <summary>The socket stopped: nothing more starts.</summary>
    public void Stop() => Stopped = true;
}
