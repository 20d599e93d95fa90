using System.Buffers;

namespace LiveActors.Transport;

/// <summary>
/// Where the socket loops get their buffers: the shared <see cref="ArrayPool{T}"/> for the everyday sizes, plain
/// arrays above <see cref="PooledLimit"/> (256 KiB, sixteen times the receive buffer a connection starts with). The
/// shared pool keeps what it is given per thread and per core for as long as the process lives, so one 8 MiB message
/// would otherwise leave every doubling up to 16 MiB behind on the threads that touched it; a rare big message costs
/// one allocation instead, and the GC takes it back.
/// </summary>
internal static class ByteBuffers
{
    /// <summary>The largest buffer taken from, and given back to, the shared pool.</summary>
    public const int PooledLimit = 256 * 1024;

    /// <summary>An array of at least <paramref name="size"/> bytes.</summary>
    public static byte[] Rent(int size) =>
        size <= PooledLimit ? ArrayPool<byte>.Shared.Rent(size) : GC.AllocateUninitializedArray<byte>(size);

    /// <summary>Gives back an array from <see cref="Rent"/>: pooled sizes to the pool, bigger ones to the GC.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length <= PooledLimit)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
