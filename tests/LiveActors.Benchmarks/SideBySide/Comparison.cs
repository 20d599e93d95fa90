namespace LiveActors.Benchmarks.SideBySide;

/// <summary>
/// One contender's figures on one row, against the three references: medians over the repetitions, and ratios taken
/// pairwise, repetition by repetition (the contenders of one round run back to back, so a pair shares the machine's
/// state of that moment), then their median and range.
/// </summary>
/// <param name="Value">The contender's median.</param>
/// <param name="A">The typed hand-written client's median.</param>
/// <param name="B">Websocket.Client's median.</param>
/// <param name="Lean">The lean hand-written client's median.</param>
/// <param name="ToA">Median of the paired ratios to (a).</param>
/// <param name="ToB">Median of the paired ratios to (b).</param>
/// <param name="ToLean">Median of the paired ratios to the lean client.</param>
/// <param name="LowestToLean">The smallest paired ratio to the lean client.</param>
/// <param name="HighestToLean">The largest paired ratio to the lean client.</param>
internal sealed record Comparison(double Value, double A, double B, double Lean, double ToA, double ToB, double ToLean, double LowestToLean, double HighestToLean)
{
    /// <summary>Compares <paramref name="values"/> with the references' figures, all in round order.</summary>
    public static Comparison Of(IReadOnlyList<double> values, IReadOnlyList<double> a, IReadOnlyList<double> b, IReadOnlyList<double> lean)
    {
        var toLean = Ratios(values, lean);
        return new Comparison(Statistics.Median(values), Statistics.Median(a), Statistics.Median(b), Statistics.Median(lean),
            Statistics.Median(Ratios(values, a)), Statistics.Median(Ratios(values, b)), Statistics.Median(toLean), toLean.Min(), toLean.Max());
    }

    private static double[] Ratios(IReadOnlyList<double> values, IReadOnlyList<double> reference) => [.. values.Zip(reference, (v, r) => v / r)];
}
