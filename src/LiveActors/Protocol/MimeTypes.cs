using System.Globalization;

namespace LiveActors.Protocol;

/// <summary>MIME types of Live API media.</summary>
public static class MimeTypes
{
    /// <summary>Input audio: 16-bit little-endian mono PCM at 16 kHz.</summary>
    public const string Pcm16K = "audio/pcm;rate=16000";

    /// <summary>Output audio: 16-bit little-endian mono PCM at 24 kHz.</summary>
    public const string Pcm24K = "audio/pcm;rate=24000";

    /// <summary>A JPEG image (video frames).</summary>
    public const string Jpeg = "image/jpeg";

    /// <summary>16-bit little-endian mono PCM at the given rate.</summary>
    public static string Pcm(int sampleRate) => sampleRate switch
    {
        16_000 => Pcm16K,
        24_000 => Pcm24K,
        > 0 => string.Create(CultureInfo.InvariantCulture, $"audio/pcm;rate={sampleRate}"),
        _ => throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "A sample rate must be positive."),
    };

    /// <summary>
    /// The sample rate a PCM MIME type declares (<c>rate=N</c>), or <paramref name="assumed"/> when it declares none
    /// (Vertex AI sends bare <c>audio/pcm</c> for 24 kHz output).
    /// </summary>
    public static int PcmSampleRate(string? mimeType, int assumed = 24_000)
    {
        const string marker = "rate=";
        var at = mimeType?.IndexOf(marker, StringComparison.OrdinalIgnoreCase) ?? -1;
        if (at < 0)
        {
            return assumed;
        }

        var digits = mimeType.AsSpan(at + marker.Length);
        var end = digits.IndexOfAnyExceptInRange('0', '9');
        return int.TryParse(end < 0 ? digits : digits[..end], NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : assumed;
    }
}
