using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// What a careful author writes by hand: one ClientWebSocket, a receive loop that reads into a pooled buffer, joins
/// fragments and parses each message straight from it with source-generated System.Text.Json, handling it inline;
/// sends serialized into one reused buffer under a lock; on a drop, a new socket and a setup with the newest handle.
/// </summary>
internal sealed class HandWrittenSession : IContenderSession
{
    private const int BufferSize = 16 * 1024;

    private readonly Uri _endpoint;
    private readonly bool _resumption;
    private readonly WireFrames _frames = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly WireSessionState _state = new();
    private ClientWebSocket _socket = null!;
    private volatile bool _disposed;

    private HandWrittenSession(Uri endpoint, bool resumption)
    {
        _endpoint = endpoint;
        _resumption = resumption;
    }

    public static async Task<HandWrittenSession> ConnectAsync(Uri endpoint, bool resumption, CancellationToken cancellationToken)
    {
        var session = new HandWrittenSession(endpoint, resumption);
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
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        var count = 0;
        try
        {
            while (true)
            {
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
                    _state.Apply(JsonSerializer.Deserialize(buffer.AsSpan(0, count), WireJsonContext.Default.WireServerMessage)!);
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
            ArrayPool<byte>.Shared.Return(buffer);
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
