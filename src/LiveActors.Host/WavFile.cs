using System.Buffers.Binary;
using System.Text;

namespace LiveActors.Host;

/// <summary>Reads and writes the one WAV shape Live audio uses: 16-bit little-endian mono PCM in a RIFF/WAVE file.</summary>
internal static class WavFile
{
    private const int HeaderSize = 44;

    /// <summary>The PCM samples of <paramref name="path"/>, which must be 16-bit mono at <paramref name="sampleRate"/> Hz.</summary>
    /// <exception cref="InvalidDataException">It is not such a file; the message says what it is instead.</exception>
    public static byte[] ReadPcm(string path, int sampleRate)
    {
        var bytes = File.ReadAllBytes(path);
        var span = bytes.AsSpan();
        if (span.Length < 12 || !span[..4].SequenceEqual("RIFF"u8) || !span[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"{path} is not a WAV file.");
        }

        (int Channels, int Rate, int Bits)? format = null;
        for (var offset = 12; offset + 8 <= span.Length;)
        {
            var id = span.Slice(offset, 4);
            var size = BinaryPrimitives.ReadInt32LittleEndian(span.Slice(offset + 4, 4));
            var body = offset + 8;
            if (size < 0 || body + size > span.Length)
            {
                throw new InvalidDataException($"{path} is truncated.");
            }

            if (id.SequenceEqual("fmt "u8) && size >= 16)
            {
                var kind = BinaryPrimitives.ReadInt16LittleEndian(span.Slice(body, 2));
                format = kind == 1
                    ? (BinaryPrimitives.ReadInt16LittleEndian(span.Slice(body + 2, 2)), BinaryPrimitives.ReadInt32LittleEndian(span.Slice(body + 4, 4)),
                        BinaryPrimitives.ReadInt16LittleEndian(span.Slice(body + 14, 2)))
                    : throw new InvalidDataException($"{path} is not PCM (format {kind}).");
            }
            else if (id.SequenceEqual("data"u8))
            {
                return format switch
                {
                    null => throw new InvalidDataException($"{path} has no fmt chunk before its data."),
                    (1, var rate, 16) when rate == sampleRate => span.Slice(body, size).ToArray(),
                    var (channels, rate, bits) => throw new InvalidDataException(
                        $"{path} is {bits}-bit, {channels} channel(s), {rate} Hz; Live input audio must be 16-bit mono at {sampleRate} Hz."),
                };
            }

            offset = body + size + (size & 1);
        }

        throw new InvalidDataException($"{path} has no data chunk.");
    }

    /// <summary>Writes 16-bit mono PCM at <paramref name="sampleRate"/> Hz as a WAV file.</summary>
    public static void WritePcm(string path, ReadOnlySpan<byte> pcm, int sampleRate)
    {
        Span<byte> header = stackalloc byte[HeaderSize];
        Encoding.ASCII.GetBytes("RIFF", header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], HeaderSize - 8 + pcm.Length);
        Encoding.ASCII.GetBytes("WAVEfmt ", header[8..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteInt16LittleEndian(header[20..], 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(header[22..], 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[32..], 2);
        BinaryPrimitives.WriteInt16LittleEndian(header[34..], 16);
        Encoding.ASCII.GetBytes("data", header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], pcm.Length);
        using var file = File.Create(path);
        file.Write(header);
        file.Write(pcm);
    }
}
