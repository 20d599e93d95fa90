using System.Globalization;

namespace LiveActors.Benchmarks;

/// <summary>What the runs that print tables share: the managed heap after full collections, and a table row.</summary>
internal static class Figures
{
    /// <summary>The managed heap once everything collectable is collected (finalizers run in between).</summary>
    public static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>A two-column markdown row, numbers in the invariant culture.</summary>
    public static string Row(string what, string figure) => string.Create(CultureInfo.InvariantCulture, $"| {what} | {figure} |");
}
