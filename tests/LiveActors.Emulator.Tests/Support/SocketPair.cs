using System.IO.Pipelines;
using System.Net.WebSockets;

namespace LiveActors.Emulator.Tests.Support;

/// <summary>Two ends of a WebSocket in memory, for testing the emulator's framing without a server.</summary>
internal sealed class SocketPair : IDisposable
{
    public SocketPair()
    {
        var toServer = new Pipe();
        var toClient = new Pipe();
        Server = WebSocket.CreateFromStream(new Duplex(toServer.Reader.AsStream(), toClient.Writer.AsStream()),
            new WebSocketCreationOptions { IsServer = true, KeepAliveInterval = TimeSpan.Zero });
        Client = WebSocket.CreateFromStream(new Duplex(toClient.Reader.AsStream(), toServer.Writer.AsStream()),
            new WebSocketCreationOptions { IsServer = false, KeepAliveInterval = TimeSpan.Zero });
    }

    public WebSocket Server { get; }

    public WebSocket Client { get; }

    public void Dispose()
    {
        Server.Dispose();
        Client.Dispose();
    }

    /// <summary>Reads from one pipe and writes to the other, as one end of a connection does.</summary>
    private sealed class Duplex(Stream reading, Stream writing) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            reading.ReadAsync(buffer, cancellationToken);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            writing.WriteAsync(buffer, cancellationToken);

        public override Task FlushAsync(CancellationToken cancellationToken) => writing.FlushAsync(cancellationToken);

        public override void Flush() => writing.Flush();

        public override int Read(byte[] buffer, int offset, int count) => reading.Read(buffer, offset, count);

        public override void Write(byte[] buffer, int offset, int count) => writing.Write(buffer, offset, count);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
