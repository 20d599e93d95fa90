using System.Text;

namespace LiveActors.Emulator;

/// <summary>Close reasons as the service sends them: at most 123 bytes of UTF-8 (RFC 6455), cut without splitting a character.</summary>
internal static class CloseReason
{
    /// <summary>The most bytes a close frame's reason may hold.</summary>
    public const int MaxBytes = 123;

    public static string Cut(string reason)
    {
        if (Encoding.UTF8.GetByteCount(reason) <= MaxBytes)
        {
            return reason;
        }

        var length = reason.Length;
        while (Encoding.UTF8.GetByteCount(reason.AsSpan(0, length)) > MaxBytes || (length > 0 && char.IsHighSurrogate(reason[length - 1])))
        {
            length--;
        }

        return reason[..length];
    }
}
