using System.Runtime.InteropServices;

namespace LiveActors.Benchmarks.Capacity;

/// <summary>
/// The open-files limit of this process (RLIMIT_NOFILE): each session holds one socket here and one in the emulator,
/// which inherits the limit. Raised to the hard limit (the most an unprivileged process may take) before the run.
/// </summary>
internal static partial class FileLimits
{
    private const int OpenFiles = 7; // RLIMIT_NOFILE on Linux

    /// <summary>Raises the soft limit to the hard one; the limits before and after, or null where there are none to raise.</summary>
    public static (ulong Before, ulong After)? RaiseToHard()
    {
        if (!OperatingSystem.IsLinux() || GetLimit(OpenFiles, out var limit) != 0)
        {
            return null;
        }

        var before = limit.Current;
        limit.Current = limit.Maximum;
        return SetLimit(OpenFiles, limit) == 0 ? (before, limit.Maximum) : (before, before);
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetLimit(int resource, out Limit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetLimit(int resource, in Limit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
