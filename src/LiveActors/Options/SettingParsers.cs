using System.Globalization;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;
using LiveActors.Models;

namespace LiveActors.Options;

/// <summary>
/// Turns the text of a setting into its value, with HOCON's spellings (<c>30s</c>, <c>16 MiB</c>, <c>on</c>) and .NET's
/// (<c>00:00:30</c>, <c>true</c>). A value that does not parse is an <see cref="InvalidOption"/> naming the key.
/// </summary>
internal static class SettingParsers
{
    public static string Text(string key, string raw) => raw.Trim();

    public static string? OptionalText(string key, string raw) => raw.Trim() is { Length: > 0 } text ? text : null;

    public static int Int(string key, string raw) =>
        int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : long.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _)
                ? throw Invalid(key, OutOfRange(key, raw)) // a whole number, just past int: say what range it is out of
                : throw Invalid(key, $"must be a whole number (was '{raw}').");

    public static double Double(string key, string raw) =>
        double.TryParse(raw.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw Invalid(key, $"must be a number (was '{raw}').");

    public static bool Bool(string key, string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "true" or "on" or "yes" => true,
        "false" or "off" or "no" => false,
        _ => throw Invalid(key, $"must be on/off, true/false or yes/no (was '{raw}')."),
    };

    public static AuthStrategy Strategy(string key, string raw) =>
        raw.Trim().Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "geminiapi" or "gemini" => AuthStrategy.GeminiApi,
            "vertexai" or "vertex" => AuthStrategy.VertexAi,
            _ => throw Invalid(key, $"must be gemini-api or vertex-ai (was '{raw}')."),
        };

    public static ModelFamily ModelFamily(string key, string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "auto" => Models.ModelFamily.Auto,
        "gemini-2" => Models.ModelFamily.Gemini2,
        "gemini-3" => Models.ModelFamily.Gemini3,
        "gemini-3-extended-thinking" => Models.ModelFamily.Gemini3ExtendedThinking,
        _ => throw Invalid(key, $"must be auto, gemini-2, gemini-3 or gemini-3-extended-thinking (was '{raw}')."),
    };

    public static ModelProfile? ModelProfile(string key, string raw) => raw.Trim() is "" or "auto"
        ? null
        : ModelProfiles.Named(raw) ?? throw Invalid(key,
            $"must be auto or one of {string.Join(", ", ModelProfiles.All.Select(p => p.Name))} (was '{raw}').");

    public static LiveHttpVersion HttpVersion(string key, string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "1.1" or "http/1.1" or "http11" => LiveHttpVersion.Http11,
        "2" or "2.0" or "http/2" or "http2" => LiveHttpVersion.Http2,
        "2-only" or "http2only" => LiveHttpVersion.Http2Only,
        _ => throw Invalid(key, $"must be 1.1, 2 or 2-only (was '{raw}')."),
    };

    public static UncertainDelivery UncertainDelivery(string key, string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "report" => Options.UncertainDelivery.Report,
        "resend-realtime-audio" => Options.UncertainDelivery.ResendRealtimeAudio,
        "resend-all" => Options.UncertainDelivery.ResendAll,
        _ => throw Invalid(key, $"must be report, resend-realtime-audio or resend-all (was '{raw}')."),
    };

    public static LostToolResults LostToolResults(string key, string raw) => raw.Trim().ToLowerInvariant() switch
    {
        "refuse" => Options.LostToolResults.Refuse,
        "as-text" => Options.LostToolResults.AsText,
        _ => throw Invalid(key, $"must be refuse or as-text (was '{raw}')."),
    };

    public static Uri? OptionalUri(string key, string raw) => OptionalText(key, raw) is not { } text
        ? null
        : Uri.TryCreate(text, UriKind.Absolute, out var uri)
            ? uri
            : throw Invalid(key, $"must be an absolute address such as ws://127.0.0.1:8080 (was '{raw}').");

    /// <summary>A duration, or <c>off</c> (also <c>none</c>, <c>infinite</c>) for none.</summary>
    public static TimeSpan? OptionalDuration(string key, string raw) =>
        raw.Trim().ToLowerInvariant() is "off" or "none" or "infinite" or "" ? null : Duration(key, raw);

    /// <summary>HOCON durations (<c>30s</c>, <c>500 ms</c>, <c>2 minutes</c>; a bare number is milliseconds) or <c>hh:mm:ss</c>.</summary>
    public static TimeSpan Duration(string key, string raw)
    {
        var text = raw.Trim();
        if (text.Contains(':', StringComparison.Ordinal))
        {
            return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
                ? span
                : throw Invalid(key, $"must be a duration such as 30s, 500ms or 00:00:30 (was '{raw}').");
        }

        var (number, unit) = SplitUnit(text);
        double? scale = unit switch
        {
            "" or "ms" or "milli" or "millis" or "millisecond" or "milliseconds" => 1,
            "us" or "micro" or "micros" or "microsecond" or "microseconds" => 0.001,
            "ns" or "nano" or "nanos" or "nanosecond" or "nanoseconds" => 0.000001,
            "s" or "second" or "seconds" => 1_000,
            "m" or "minute" or "minutes" => 60_000,
            "h" or "hour" or "hours" => 3_600_000,
            "d" or "day" or "days" => 86_400_000,
            _ => null,
        };
        if (scale is not { } factor || !TryNumber(number, out var value))
        {
            throw Invalid(key, $"must be a duration such as 30s, 500ms or 00:00:30 (was '{raw}').");
        }

        // Past TimeSpan's own range FromMilliseconds would throw an OverflowException that names no option.
        return Math.Abs(value * factor) < TimeSpan.MaxValue.TotalMilliseconds
            ? TimeSpan.FromMilliseconds(value * factor)
            : throw Invalid(key, OutOfRange(key, raw));
    }

    /// <summary>HOCON sizes: a byte count, or a number with kB/MB/GB (powers of 1000) or K/KiB, M/MiB, G/GiB (powers of 1024).</summary>
    public static long Size(string key, string raw)
    {
        var (number, unit) = SplitUnit(raw.Trim());
        double? scale = unit switch
        {
            "" or "b" or "byte" or "bytes" => 1,
            "kb" or "kilobyte" or "kilobytes" => 1e3,
            "k" or "ki" or "kib" or "kibibyte" or "kibibytes" => 1024,
            "mb" or "megabyte" or "megabytes" => 1e6,
            "m" or "mi" or "mib" or "mebibyte" or "mebibytes" => 1024 * 1024,
            "gb" or "gigabyte" or "gigabytes" => 1e9,
            "g" or "gi" or "gib" or "gibibyte" or "gibibytes" => 1024 * 1024 * 1024,
            _ => null,
        };
        if (scale is not { } factor || !TryNumber(number, out var value))
        {
            throw Invalid(key, $"must be a size such as 16 MiB, 512 KiB or a byte count (was '{raw}').");
        }

        return value * factor <= long.MaxValue ? (long)(value * factor) : throw Invalid(key, OutOfRange(key, raw));
    }

    /// <summary>
    /// A <see cref="Size"/> kept in an int. A size past int.MaxValue is refused with the option's range rather than cut
    /// to int.MaxValue, which would report a value nobody wrote.
    /// </summary>
    public static int IntSize(string key, string raw)
    {
        var size = Size(key, raw);
        return size <= int.MaxValue ? (int)size : throw Invalid(key, OutOfRange(key, raw));
    }

    private static (string Number, string Unit) SplitUnit(string text)
    {
        var end = 0;
        while (end < text.Length && (char.IsAsciiDigit(text[end]) || text[end] is '.' or '-' or '+' or '_'))
        {
            end++;
        }

        // HOCON is case-sensitive for sizes only in kB versus K; folding case keeps "MiB" and "mib" alike.
        return (text[..end].Replace("_", "", StringComparison.Ordinal), text[end..].Trim().ToLowerInvariant());
    }

    private static bool TryNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private static string OutOfRange(string key, string raw) =>
        OptionRanges.Find(key)?.Refusal($"'{raw}'") ?? $"is too large (was '{raw}').";

    private static LiveConnectionException Invalid(string key, string reason) => new(OptionKey.Invalid(key, reason));
}
