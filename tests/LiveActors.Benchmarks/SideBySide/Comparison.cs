namespace LiveActors.Benchmarks.SideBySide;

/// <summary>
/// One contender's figures on one row, against (a) and (b): medians over the repetitions, and ratios taken pairwise,
/// repetition by repetition (the contenders of one round run back to back, so a pair shares the machine's state of that
/// moment), then their median and range.
/// </summary>
/// <param name="Value">The contender's median.</param>
/// <param name="A">The hand-written client's median.</param>
/// <param name="B">Websocket.Client's median.</param>
/// <param name="ToA">Median of the paired ratios to (a).</param>
/// <param name="ToB">Median of the paired ratios to (b).</param>
/// <param name="LowestToA">The smallest paired ratio to (a).</param>
/// <param name="HighestToA">The largest paired ratio to (a).</param>
internal sealed record Comparison(double Value, double A, double B, double ToA, double ToB, double LowestToA, double HighestToA)
{
    /// <summary>Compares <paramref name="values"/> with <paramref name="a"/> and <paramref name="b"/>, all in round order.</summary>
    public static Comparison Of(IReadOnlyList<double> values, IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var toA = values.Zip(a, (v, x) => v / x).ToArray();
        var toB = values.Zip(b, (v, x) => v / x).ToArray();
        return new Comparison(Statistics.Median(values), Statistics.Median(a), Statistics.Median(b),
            Statistics.Median(toA), Statistics.Median(toB), toA.Min(), toA.Max());
    }
}
