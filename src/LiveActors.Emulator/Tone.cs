namespace LiveActors.Emulator;

/// <summary>
/// The sound of the scripted model's voice: 200 ms of a 440 Hz tone as 24 kHz 16-bit little-endian mono PCM, computed
/// once. 88 whole cycles fit in it, so chunks of it play back to back without a click.
/// </summary>
internal static class Tone
{
    /// <summary>The bytes in one chunk of the model's audio: 200 ms at 24 kHz, 2 bytes a sample.</summary>
    public const int ChunkBytes = 9_600;

    private const int SampleRate = 24_000;
    private const double Frequency = 440;
    private const double Amplitude = 8_000;

    /// <summary>One chunk of the tone.</summary>
    public static ReadOnlyMemory<byte> Chunk { get; } = Make();

    private static byte[] Make()
    {
        var pcm = new byte[ChunkBytes];
        for (var i = 0; i < ChunkBytes / 2; i++)
        {
            var sample = (short)Math.Round(Amplitude * Math.Sin(2 * Math.PI * Frequency * i / SampleRate));
            pcm[2 * i] = (byte)sample;
            pcm[2 * i + 1] = (byte)(sample >> 8);
        }

        return pcm;
    }
}
