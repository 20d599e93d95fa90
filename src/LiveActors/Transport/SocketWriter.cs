using System.Net.WebSockets;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Transport;

/// <summary>
/// The sending side of one socket. A write goes out at once, from the caller's thread, when the socket takes it without
/// waiting (as Akka.IO's TcpConnection writes from its actor: a non-blocking send, no hand-off to another thread); once
/// a write has to wait, the ones after it queue behind it, and a continuation writes them in order and reports them
/// <c>Written</c> (batched: when the queue runs dry, and at least every <see cref="AckEvery"/> messages).
/// </summary>
/// <remarks>
/// <para>One caller at a time: the connection actor writes setup (and the initial history) before it tells the session
/// the socket is ready, and only the session writes after that. The lock guards what the caller and the continuation
/// share (the <see cref="PendingWrites"/>: the queue and how far writing got) against each other and against
/// <see cref="StopAsync"/>; it is never held across a send.</para>
/// <para>What was written is exact: a message is <c>in flight</c> from just before its send starts until it is known to
/// be written, so a stop that aborts the socket in between reports it as in flight (uncertain), never as unwritten, and a
/// send that starts after the abort fails without writing anything.</para>
/// </remarks>
/// <param name="socket">The socket, open.</param>
/// <param name="settings">Its settings: the queue's capacity and the drain timeout.</param>
/// <param name="callbacks">Where queued writes are reported (<c>Written</c>) and a failed one (<c>ToConnection</c>).</param>
/// <param name="receiveEndsWithin">Whether the receive side ends by itself within a time: what a failed write waits for.</param>
/// <param name="stopping">Cancelled when the socket stops.</param>
internal sealed class SocketWriter(
    ClientWebSocket socket,
    SocketSettings settings,
    SocketCallbacks callbacks,
    Func<TimeSpan, Task<bool>> receiveEndsWithin,
    CancellationToken stopping)
{
    private const int AckEvery = 64;

    private readonly Lock _gate = new();
    private readonly PendingWrites _writes = new(settings.SendQueueCapacity);
    private readonly SendBuffer _buffer = new();
    private Task _background = Task.CompletedTask; // the continuation writing the queue, the close, or a failure's report

    /// <summary>What became of a message given to <see cref="Write"/>.</summary>
    public enum Outcome
    {
        /// <summary>It is on the socket now.</summary>
        Written,

        /// <summary>Queued behind a write that waits; reported <c>Written</c> later, or settled when the socket stops.</summary>
        Later,

        /// <summary>Not taken: the queue is full, or the socket is closing.</summary>
        Refused,
    }

    /// <summary>Whether the close was asked for (<see cref="BeginClose"/>): the server's close is then its answer.</summary>
    public bool CloseRequested
    {
        get
        {
            lock (_gate)
            {
                return _writes.CloseRequested;
            }
        }
    }

    /// <summary>Writes <paramref name="message"/> now if the socket takes it without waiting, else queues it behind what waits.</summary>
    public Outcome Write(OutboundMessage message)
    {
        lock (_gate)
        {
            switch (_writes.Admit(message))
            {
                case PendingWrites.Admission.Refused:
                    return Outcome.Refused;
                case PendingWrites.Admission.Queued or PendingWrites.Admission.Held:
                    return Outcome.Later; // held ones are never written: the connection's end settles them
            }
        }

        ValueTask sending;
        try
        {
            sending = Send(message);
        }
        catch (Exception e)
        {
            Track(ReportFailureAsync(e));
            return Outcome.Later;
        }

        if (!sending.IsCompleted)
        {
            Track(WriteQueuedAsync(message, sending));
            return Outcome.Later;
        }

        try
        {
            sending.GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            Track(ReportFailureAsync(e));
            return Outcome.Later;
        }

        if (Finished(message) is { } next)
        {
            Track(WriteQueuedAsync(next)); // a message queued while this one was written
        }

        return Outcome.Written;
    }

    /// <summary>Lets what is queued be written, then sends a close frame; writes after this are refused.</summary>
    public void BeginClose()
    {
        lock (_gate)
        {
            if (!_writes.RequestClose())
            {
                return;
            }
        }

        Track(CloseAsync());
    }

    /// <summary>
    /// Waits for what runs in the background to end (the socket must have been aborted first, so every send ends), and
    /// says how far writing got: the last sequence written, and the message whose send had started but not finished.
    /// </summary>
    public async Task<(long LastWritten, OutboundMessage? InFlight)> StopAsync()
    {
        while (true)
        {
            Task background;
            lock (_gate)
            {
                _writes.Stop();
                background = _background;
            }

            await background.ConfigureAwait(false);
            lock (_gate)
            {
                if (ReferenceEquals(background, _background))
                {
                    if (_writes.InFlight is null)
                    {
                        _buffer.Release(); // else a send that failed holds it: the GC takes it rather than the pool
                    }

                    return (_writes.LastWritten, _writes.InFlight);
                }
            }
        }
    }

    /// <summary>Serializes and starts sending one message; the buffer is the writer's until the send completes.</summary>
    private ValueTask Send(OutboundMessage message) =>
        socket.SendAsync(_buffer.Encode(message.Message), WebSocketMessageType.Text, endOfMessage: true, stopping);

    /// <summary>
    /// <paramref name="message"/> is written: counted, and the next queued message, if any, returned as the one in flight.
    /// With nothing next, the send buffer goes back to the pool (an idle session holds none), and a requested close starts.
    /// </summary>
    private OutboundMessage? Finished(OutboundMessage message)
    {
        var kind = LiveTelemetry.Kind(MessageKinds.Of(message.Message));
        LiveTelemetry.MessagesSent.Add(1, kind);
        LiveTelemetry.BytesSent.Add(_buffer.Length, kind);
        lock (_gate)
        {
            if (_writes.Finished(message) is { } next)
            {
                return next;
            }

            _buffer.Release(); // under the lock: the next write may take the buffer as soon as it is let go
            if (!_writes.CloseDueWhenDry)
            {
                return null;
            }
        }

        Track(CloseAsync());
        return null;
    }

    /// <summary>Adds work that <see cref="StopAsync"/> must wait for; started outside the lock, as it may send.</summary>
    private void Track(Task work)
    {
        if (work.IsCompleted)
        {
            return;
        }

        lock (_gate)
        {
            _background = _background.IsCompleted ? work : Task.WhenAll(_background, work);
        }
    }

    /// <summary>Writes <paramref name="message"/> (whose send may have started already) and what queues behind it.</summary>
    private async Task WriteQueuedAsync(OutboundMessage message, ValueTask? started = null)
    {
        var unacknowledged = 0;
        try
        {
            var sending = started ?? Send(message);
            while (true)
            {
                await sending.ConfigureAwait(false);
                var next = Finished(message);
                if (++unacknowledged >= AckEvery || next is null)
                {
                    callbacks.Written(message.Sequence);
                    unacknowledged = 0;
                }

                if (next is null)
                {
                    return;
                }

                message = next;
                sending = Send(message);
            }
        }
        catch (Exception e)
        {
            await ReportFailureAsync(e).ConfigureAwait(false);
        }
    }

    /// <summary>A send failed: the message in flight stays in flight (it may have reached the server), nothing more is sent.</summary>
    private async Task ReportFailureAsync(Exception error)
    {
        lock (_gate)
        {
            _writes.Fail(); // before the first await: no write starts after this returns
        }

        if (stopping.IsCancellationRequested)
        {
            return; // stopped on purpose: what was not written is what StopAsync returns
        }

        // What the server sent before the failure may still be readable (replies, a newer handle): the receive loop goes
        // on until it ends by itself, reporting how, or the drain timeout passes; only then does the connection hear of
        // the failed write and stop the socket.
        if (!await receiveEndsWithin(settings.DrainTimeout).ConfigureAwait(false))
        {
            callbacks.ToConnection(new SocketEnded(new ConnectionFailed($"writing to the socket failed: {error.Message}") { Cause = error }));
        }
    }

    private async Task CloseAsync()
    {
        try
        {
            await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "", stopping).ConfigureAwait(false);
        }
        catch (Exception) when (stopping.IsCancellationRequested)
        {
            // Stopped on purpose.
        }
        catch (Exception e)
        {
            await ReportFailureAsync(e).ConfigureAwait(false);
        }
    }
}
