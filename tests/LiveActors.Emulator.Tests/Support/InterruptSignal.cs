using System.Globalization;
using System.Runtime.InteropServices;

namespace LiveActors.Emulator.Tests.Support;

/// <summary>
/// A shell starts background jobs with SIGINT ignored, and a child inherits an ignored signal, so a test host run in
/// the background (`dotnet test ... &amp;`) would start emulators that no SIGINT can stop, and the Ctrl+C test would
/// test nothing. When this process ignores SIGINT (and so .NET installed no handler for it), it is set back to the
/// default before a child starts; a handler the runtime installed is never touched.
/// </summary>
internal static partial class InterruptSignal
{
    private const int SigInt = 2;
    private static readonly Lock Gate = new();

    public static void StopIgnoring()
    {
        lock (Gate)
        {
            if (OperatingSystem.IsLinux() && IsIgnored(SigInt))
            {
                _ = Signal(SigInt, 0); // SIG_DFL
            }
        }
    }

    /// <summary>Reads the SigIgn mask of /proc/self/status: bit n-1 is set when signal n is ignored.</summary>
    private static bool IsIgnored(int signal)
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null
            && ulong.TryParse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            && (mask & (1UL << (signal - 1))) != 0;
    }

    [LibraryImport("libc", EntryPoint = "signal")]
    private static partial nint Signal(int signal, nint handler);
}
