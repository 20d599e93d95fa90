using System.Text.Json;
using LiveActors.Protocol;

namespace LiveActors.Transport;

/// <summary>
/// Where a socket's writer serializes each message it sends: one buffer from the pool, reused, so a busy socket
/// allocates nothing per message, and given back with <see cref="Release"/> whenever nothing waits to be written, so an
/// idle one holds none. The buffer is the message in flight's until its send completes. Not thread-safe.
/// </summary>
internal sealed class SendBuffer
{
    private PooledBufferWriter? _buffer;
    private Utf8JsonWriter? _json;

    /// <summary>The size in bytes of the message last encoded (0 once released).</summary>
    public int Length => _buffer?.WrittenMemory.Length ?? 0;

    /// <summary>Serializes <paramref name="message"/> in place of what the buffer held; the bytes are good until the next call.</summary>
    public ReadOnlyMemory<byte> Encode(ClientMessage message)
    {
        _buffer ??= new PooledBufferWriter(4096);
        _buffer.Clear();
        if (_json is null)
        {
            _json = new Utf8JsonWriter(_buffer, ClientMessageSerializer.WriterOptions);
        }
        else
        {
            _json.Reset(_buffer);
        }

        ClientMessageSerializer.Serialize(message, _json);
        return _buffer.WrittenMemory;
    }

    /// <summary>Gives the array back to the pool; the next <see cref="Encode"/> rents one again.</summary>
    public void Release() => _buffer?.Release();
}
