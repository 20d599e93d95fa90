namespace LiveActors.Benchmarks.SideBySide;

/// <summary>The two statistics the harness reports.</summary>
internal static class Statistics
{
    /// <summary>The <paramref name="fraction"/> percentile of sorted values, interpolating between neighbours.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        var position = (sorted.Count - 1) * fraction;
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    /// <summary>The median of the values.</summary>
    public static double Median(IEnumerable<double> values) => Percentile([.. values.Order()], 0.5);
}
