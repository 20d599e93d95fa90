using System.Buffers;

namespace LiveActors.Protocol;

/// <summary>
/// The size a client message has on the wire, for the outbound queue's byte limit. Audio and video chunks, the bulk of
/// what a session sends, are sized from their payload without serializing (base64 is 4 bytes per 3, plus a fixed
/// envelope); anything else is serialized once into a reused per-thread buffer and measured exactly.
/// </summary>
internal static class ClientMessageSize
{
    private const int ChunkEnvelope = 96;

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_scratch;

    public static long Of(ClientMessage message) => message switch
    {
        RealtimeInput { Audio: { } blob, Video: null, Text: null } => Chunk(blob),
        RealtimeInput { Video: { } blob, Audio: null, Text: null } => Chunk(blob),
        _ => Serialized(message),
    };

    private static long Chunk(Blob blob) => ChunkEnvelope + (blob.MimeType?.Length ?? 0) + (((long)blob.Data.Length + 2) / 3 * 4);

    private static long Serialized(ClientMessage message)
    {
        var scratch = t_scratch ??= new ArrayBufferWriter<byte>(1024);
        scratch.ResetWrittenCount();
        ClientMessageSerializer.Serialize(message, scratch);
        var size = scratch.WrittenCount;
        if (scratch.Capacity > 1024 * 1024)
        {
            t_scratch = null; // do not keep a huge buffer alive for one odd message
        }

        return size;
    }
}
