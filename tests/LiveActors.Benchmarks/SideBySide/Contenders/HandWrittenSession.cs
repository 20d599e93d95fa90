using System.Buffers;
using System.Net.WebSockets;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// What a careful author writes by hand: one ClientWebSocket, a receive loop that reads into a pooled buffer, joins
/// fragments and reads each message straight from it (into typed records, or in place: the <see cref="IWireReader"/>),
/// handling it inline; sends serialized into one reused buffer under a lock; on a drop, a new socket and a setup with
/// the newest handle.
/// </summary>
internal sealed class HandWrittenSession : IContenderSession
{
    private const int BufferSize = 16 * 1024;

    private readonly Uri _endpoint;
    private readonly bool _resumption;
    private readonly IWireReader _reader;
    private readonly bool _idleWithoutBuffer;
    private readonly WireFrames _frames = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly WireSessionState _state = new();
    private ClientWebSocket _socket = null!;
    private volatile bool _disposed;

    private HandWrittenSession(Uri endpoint, bool resumption, IWireReader reader, bool idleWithoutBuffer)
    {
        _endpoint = endpoint;
        _resumption = resumption;
        _reader = reader;
        _idleWithoutBuffer = idleWithoutBuffer;
    }

    /// <summary>
    /// Opens a session; with <paramref name="idleWithoutBuffer"/>, a zero-byte read waits for each message and the
    /// receive buffer goes back to the pool whenever it has to wait, so an idle session holds none.
    /// </summary>
    public static async Task<HandWrittenSession> ConnectAsync(Uri endpoint, bool resumption, IWireReader reader, bool idleWithoutBuffer, CancellationToken cancellationToken)
    {
        var session = new HandWrittenSession(endpoint, resumption, reader, idleWithoutBuffer);
        await session.OpenAsync(cancellationToken).ConfigureAwait(false);
        await session._state.Progress.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        return session;
    }

    public Task SendTextAsync(string text) => SendAsync(text, static (frames, t) => frames.Text(t));

    public Task SendAudioAsync(ReadOnlyMemory<byte> pcm) => SendAsync(pcm, static (frames, p) => frames.Audio(p.Span));

    public ValueTask<TurnTally> NextTurnAsync(CancellationToken cancellationToken) => _state.Progress.NextTurnAsync(cancellationToken);

    public ValueTask<TimeSpan> NextResumeAsync(CancellationToken cancellationToken) => _state.Progress.NextResumeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        try
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "", CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or InvalidOperationException or IOException)
        {
            // Already gone.
        }

        _socket.Dispose();
        _sending.Dispose();
    }

    private async Task OpenAsync(CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader(Endpoint.ApiKeyHeader, Endpoint.ApiKey);
        await socket.ConnectAsync(_endpoint, cancellationToken).ConfigureAwait(false);
        _socket = socket;
        _ = Task.Run(() => ReceiveLoopAsync(socket), CancellationToken.None);
        await SendAsync(_state.Handle, (frames, handle) => frames.Setup("models/" + Endpoint.Model, _resumption, handle)).ConfigureAwait(false);
    }

    private async Task SendAsync<T>(T state, Func<WireFrames, T, ReadOnlyMemory<byte>> write)
    {
        await _sending.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(write(_frames, state), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sending.Release();
        }
    }

    private async Task ReceiveLoopAsync(ClientWebSocket socket)
    {
        byte[]? buffer = null;
        var count = 0;
        try
        {
            while (true)
            {
                if (count == 0 && _idleWithoutBuffer)
                {
                    var next = socket.ReceiveAsync(Memory<byte>.Empty, CancellationToken.None);
                    if (!next.IsCompleted && buffer is not null)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = null;
                    }

                    if ((await next.ConfigureAwait(false)).MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }
                }

                buffer ??= ArrayPool<byte>.Shared.Rent(BufferSize);
                if (count == buffer.Length)
                {
                    var grown = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, count).CopyTo(grown);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = grown;
                }

                var result = await socket.ReceiveAsync(buffer.AsMemory(count), CancellationToken.None).ConfigureAwait(false);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return;
                }

                count += result.Count;
                if (result.EndOfMessage)
                {
                    _reader.Read(buffer.AsSpan(0, count), _state);
                    count = 0;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or IOException && !_disposed)
        {
            _state.Progress.Dropped();
            _ = Task.Run(ResumeAsync);
        }
        catch (Exception e) when (!_disposed)
        {
            _state.Progress.Failed(e);
        }
        catch (Exception)
        {
            // Disposed: the socket was closed or aborted on purpose.
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }

    private async Task ResumeAsync()
    {
        _socket.Dispose();
        try
        {
            await OpenAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or IOException)
        {
            _state.Progress.Failed(e);
        }
    }
}
