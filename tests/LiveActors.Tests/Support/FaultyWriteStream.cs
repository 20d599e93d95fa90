using System.Net.Sockets;

namespace LiveActors.Tests.Support;

/// <summary>
/// A real TCP stream whose writes can be made to fail, or to wait, while its reads go on working: a connection whose
/// sending side broke first, with the server's replies still arriving, or a network that takes nothing for a while.
/// Plug it in with <see cref="Handler"/>.
/// </summary>
internal sealed class FaultyWriteStream(Stream inner) : Stream
{
    private readonly TaskCompletionSource _disposed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _failWrites;
    private volatile TaskCompletionSource? _held;

    /// <summary>From now on every write throws, as a broken pipe would.</summary>
    public void FailWrites() => _failWrites = true;

    /// <summary>From now on writes wait (asynchronously) until <see cref="ReleaseWrites"/>, the stream's end or cancellation.</summary>
    public void HoldWrites() => _held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Lets held writes go on, in order, and later ones through at once.</summary>
    public void ReleaseWrites() => Interlocked.Exchange(ref _held, null)?.TrySetResult();

    /// <summary>A handler whose connections are FaultyWriteStreams, each handed to <paramref name="opened"/>.</summary>
    public static SocketsHttpHandler Handler(Action<FaultyWriteStream> opened) => new()
    {
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }

            var stream = new FaultyWriteStream(new NetworkStream(socket, ownsSocket: true));
            opened(stream);
            return stream;
        },
    };

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfFailing();
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        ThrowIfFailing();
        return _held is { } held ? WriteWhenReleasedAsync(held.Task, buffer, cancellationToken) : inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ThrowIfFailing();
        return inner.WriteAsync(buffer, offset, count, cancellationToken);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _disposed.TrySetResult();
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private async ValueTask WriteWhenReleasedAsync(Task released, ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        await Task.WhenAny(released, _disposed.Task).WaitAsync(cancellationToken);
        ObjectDisposedException.ThrowIf(_disposed.Task.IsCompleted, this);
        await inner.WriteAsync(buffer, cancellationToken);
    }

    private void ThrowIfFailing()
    {
        if (_failWrites)
        {
            throw new IOException("Broken pipe (injected by the test).");
        }
    }
}
