using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveActors.Emulator.Wire;

/// <summary>
/// One connection's WebSocket as whole messages: it reads a client message within the size limit, and writes server
/// messages (split into frames of <c>fragmentBytes</c> when a fragment fault asks). Writes and closes share one lock, so
/// a reply running as its own task and the receive loop never interleave frames; a frame held back keeps its place, and
/// so does everything sent after it.
/// </summary>
internal sealed class FrameChannel
{
    private readonly WebSocket _socket;
    private readonly int _fragmentBytes;
    private readonly int _maxMessageBytes;
    private readonly Action<OutboundFrame> _written;
    private readonly CancellationToken _stopping;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Queue<HeldFrame> _held = new(); // guarded by _sendLock

    /// <param name="socket">The accepted WebSocket.</param>
    /// <param name="fragmentBytes">The largest frame to write, or 0 to write each message as one frame.</param>
    /// <param name="maxMessageBytes">The largest client message read.</param>
    /// <param name="written">Told of each message once it is on the wire (held ones included), to count it.</param>
    /// <param name="stopping">The emulator's stop.</param>
    public FrameChannel(WebSocket socket, int fragmentBytes, int maxMessageBytes, Action<OutboundFrame> written, CancellationToken stopping)
    {
        _socket = socket;
        _fragmentBytes = fragmentBytes;
        _maxMessageBytes = maxMessageBytes;
        _written = written;
        _stopping = stopping;
    }

    /// <summary>True while the emulator may still write.</summary>
    public bool IsOpen => _socket.State == WebSocketState.Open;

    /// <summary>Reads until a whole client message, a close frame, or too many bytes.</summary>
    public async Task<Inbound> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _stopping).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new Inbound(InboundKind.Closed);
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > _maxMessageBytes)
            {
                return new Inbound(InboundKind.TooBig);
            }

            if (result.EndOfMessage)
            {
                try
                {
                    return new Inbound(InboundKind.Message, JsonDocument.Parse(buffer.WrittenMemory));
                }
                catch (JsonException)
                {
                    return new Inbound(InboundKind.NotJson, Text: Encoding.UTF8.GetString(buffer.WrittenSpan));
                }
            }
        }
    }

    /// <summary>The code the client closed with (after <see cref="InboundKind.Closed"/>).</summary>
    public int? ClientCloseCode => (int?)_socket.CloseStatus;

    /// <summary>The reason the client closed with (after <see cref="InboundKind.Closed"/>).</summary>
    public string? ClientCloseReason => _socket.CloseStatusDescription;

    /// <summary>Answers the client's close frame with the same code and reason, completing the close handshake.</summary>
    public async Task AnswerCloseAsync()
    {
        await _sendLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            if (_socket.State == WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, _socket.CloseStatusDescription, _stopping)
                    .ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends a close frame, unless the emulator's side is closed already.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        await _sendLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, _stopping).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Writes a message, or queues it behind a held one; false when it was queued.</summary>
    public async Task<bool> SendAsync(OutboundFrame frame, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ct.ThrowIfCancellationRequested();
            if (_held.Count > 0)
            {
                _held.Enqueue(new HeldFrame(frame, 0)); // behind a held frame, in order
                return false;
            }

            await WriteAsync(frame).ConfigureAwait(false);
            return true;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Holds a message back, and every message sent after it, until <paramref name="sendAfter"/> client messages have arrived.</summary>
    public async Task HoldAsync(OutboundFrame frame, int sendAfter, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _held.Enqueue(new HeldFrame(frame, sendAfter));
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Writes, in order, the held messages that are due now that <paramref name="clientMessages"/> have arrived.</summary>
    public async Task SendHeldAsync(int clientMessages)
    {
        await _sendLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            while (_held.TryPeek(out var held) && held.SendAfter <= clientMessages)
            {
                _held.Dequeue();
                await WriteAsync(held.Frame).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Writes one message; the caller holds the send lock.</summary>
    private async Task WriteAsync(OutboundFrame frame)
    {
        if (_socket.State != WebSocketState.Open)
        {
            return;
        }

        var bytes = frame.Bytes;
        if (_fragmentBytes > 0)
        {
            for (var offset = 0; offset < bytes.Length; offset += _fragmentBytes)
            {
                var size = Math.Min(_fragmentBytes, bytes.Length - offset);
                await _socket.SendAsync(bytes.AsMemory(offset, size), WebSocketMessageType.Binary, offset + size == bytes.Length, _stopping)
                    .ConfigureAwait(false);
            }
        }
        else
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Binary, true, _stopping).ConfigureAwait(false);
        }

        _written(frame);
    }

    /// <summary>A message held back; it goes once the client has sent <c>SendAfter</c> messages.</summary>
    private sealed record HeldFrame(OutboundFrame Frame, int SendAfter);
}
