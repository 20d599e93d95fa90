namespace LiveActors.Extensions.AI;

/// <summary>
/// 16-bit PCM in whole samples: a chunk of odd length keeps its last byte for the next chunk, so no chunk carries half a
/// sample, and a stream that ends (a commit, a response that is done, cut or cancelled) lets a held byte go, so the next
/// one starts on a sample boundary. Audio that arrives in pieces, or is cut, never shifts what follows by a byte.
/// </summary>
internal sealed class WholeSamples
{
    private byte? _held;

    /// <summary>
    /// <paramref name="chunk"/> with the byte held from the last one in front and, when that makes an odd length, its own
    /// last byte held back; empty when it is not yet one whole sample.
    /// </summary>
    public ReadOnlyMemory<byte> Take(ReadOnlyMemory<byte> chunk)
    {
        if (_held is null && chunk.Length % 2 == 0)
        {
            return chunk; // the usual case, without a copy
        }

        var length = (_held is null ? 0 : 1) + chunk.Length;
        var whole = new byte[length - length % 2];
        var from = 0;
        if (_held is { } held && whole.Length > 0)
        {
            whole[0] = held;
            from = 1;
        }

        chunk.Span[..(whole.Length - from)].CopyTo(whole.AsSpan(from));
        _held = length % 2 == 1 ? (chunk.Length > 0 ? chunk.Span[^1] : _held) : null;
        return whole;
    }

    /// <summary>The stream ended: a byte held is half a sample that will never be whole, and goes.</summary>
    public void End() => _held = null;
}
