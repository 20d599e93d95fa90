namespace LiveActors.Transport;

/// <summary>
/// Joins the fragments of one server message in a buffer from the pool, up to the size limit. The buffer is rented when
/// a message needs one, doubled (to one byte past the limit at most) when a fragment fills it, and given back when the
/// socket has to wait for the next message (<see cref="Release"/>: an idle session holds none) or after a message that
/// grew it past twice its first size. The receive loop's own; not thread-safe.
/// </summary>
/// <param name="initialSize">The size a buffer starts at.</param>
/// <param name="maxMessageSize">The largest message taken, in bytes.</param>
internal sealed class FrameAssembler(int initialSize, long maxMessageSize)
{
    private byte[]? _buffer;
    private int _count;

    /// <summary>Whether the assembler holds a buffer now.</summary>
    public bool HoldsBuffer => _buffer is not null;

    /// <summary>Whether a message is begun (some of its bytes are in): false between messages.</summary>
    public bool Begun => _count > 0;

    /// <summary>The message's bytes so far.</summary>
    public ReadOnlySpan<byte> Message => _count == 0 ? ReadOnlySpan<byte>.Empty : _buffer.AsSpan(0, _count);

    /// <summary>Where the next fragment is read to: the rest of the buffer, rented first or grown when full.</summary>
    public Memory<byte> NextChunk()
    {
        if (_buffer is null)
        {
            _buffer = ByteBuffers.Rent(initialSize);
        }
        else if (_count == _buffer.Length)
        {
            var size = (int)Math.Min(Math.Min((long)_buffer.Length * 2, maxMessageSize + 1), Array.MaxLength);
            var grown = ByteBuffers.Rent(size);
            _buffer.AsSpan(0, _count).CopyTo(grown);
            ByteBuffers.Return(_buffer);
            _buffer = grown;
        }

        return _buffer.AsMemory(_count);
    }

    /// <summary>Counts <paramref name="count"/> bytes read into the last chunk; false when the message is now over the limit.</summary>
    public bool Add(int count)
    {
        _count += count;
        return _count <= maxMessageSize;
    }

    /// <summary>The message was handed on: the next one starts, and a buffer grown for a big one is given back.</summary>
    public void Reset()
    {
        _count = 0;
        if (_buffer?.Length > 2L * initialSize)
        {
            Release();
        }
    }

    /// <summary>Gives the buffer back to the pool (between messages, or when the loop ends).</summary>
    public void Release()
    {
        if (_buffer is not null)
        {
            ByteBuffers.Return(_buffer);
            _buffer = null;
        }
    }
}
