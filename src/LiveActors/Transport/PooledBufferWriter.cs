using System.Buffers;

namespace LiveActors.Transport;

/// <summary>
/// A buffer writer over arrays from <see cref="ByteBuffers"/> (the shared pool, or plain arrays when big): the socket's
/// writer serializes into it and gives the array back with <see cref="Release"/> whenever nothing more waits to be
/// written, so an idle session holds no send buffer and a busy one allocates none per message.
/// </summary>
internal sealed class PooledBufferWriter(int initialSize) : IBufferWriter<byte>
{
    private byte[]? _buffer;
    private int _written;

    /// <summary>What has been written since the last <see cref="Clear"/>.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer is null ? ReadOnlyMemory<byte>.Empty : _buffer.AsMemory(0, _written);

    /// <summary>Starts again from empty, keeping the array.</summary>
    public void Clear() => _written = 0;

    /// <summary>Starts again from empty and gives the array back to the pool.</summary>
    public void Release()
    {
        if (_buffer is not null)
        {
            ByteBuffers.Return(_buffer);
            _buffer = null;
        }

        _written = 0;
    }

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_buffer is null || _written + count > _buffer.Length)
        {
            throw new InvalidOperationException("Advanced past the end of the buffer.");
        }

        _written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

    public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

    private byte[] Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (_buffer is null)
        {
            _buffer = ByteBuffers.Rent(Math.Max(needed, initialSize));
        }
        else if (needed > _buffer.Length)
        {
            var grown = ByteBuffers.Rent(Math.Max(needed, checked(_buffer.Length * 2)));
            _buffer.AsSpan(0, _written).CopyTo(grown);
            ByteBuffers.Return(_buffer);
            _buffer = grown;
        }

        return _buffer;
    }
}
