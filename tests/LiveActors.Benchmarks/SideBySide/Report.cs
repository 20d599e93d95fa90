using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>
/// The side-by-side results as markdown: one row per metric, medians, paired ratios to the typed hand-written client
/// (a) and to the lean one (c), and the targets for LiveActors' two columns.
/// </summary>
internal static class Report
{
    /// <summary>The columns before LiveActors': (a) typed hand-written, (b) Websocket.Client, (c) lean hand-written.</summary>
    private const int References = 3;

    public static string Markdown(IReadOnlyList<string> contenders, IReadOnlyDictionary<(Metric, string), List<double>> results, HarnessSize size)
    {
        var text = new StringBuilder();
        const string letters = "abcdefgh";
        var measured = string.Join(", ", Enumerable.Range(References, contenders.Count - References).Select(i => $"({letters[i]})"));
        text.Append("| metric |");
        for (var i = 0; i < contenders.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({letters[i]}) {contenders[i]} |");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $" target for {measured} | met by {measured} |");
        text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", contenders.Count))).AppendLine("---|---|");
        foreach (var metric in Metric.All.Where(m => contenders.All(c => results.ContainsKey((m, c)))))
        {
            var a = results[(metric, contenders[0])];
            var b = results[(metric, contenders[1])];
            var lean = results[(metric, contenders[2])];
            text.Append(CultureInfo.InvariantCulture, $"| {metric.Row}, {metric.Unit} | {Format(metric, Statistics.Median(a))} |");
            var target = Target.For(metric);
            var met = new List<string>();
            for (var i = 1; i < contenders.Count; i++)
            {
                var c = Comparison.Of(results[(metric, contenders[i])], a, b, lean);
                text.Append(CultureInfo.InvariantCulture, $" {Format(metric, c.Value)} ({c.ToA:0.00}× a{(i == References - 1 ? "" : ToLean(c, withRange: i >= References))}) |");
                if (i >= References)
                {
                    met.Add(target is null ? "–" : target.IsMet(c) ? "yes" : "**no**");
                }
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {target?.Text ?? "none: it explains other rows"} | {string.Join(", ", met)} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Medians of {size.Repetitions} repetitions after a warm-up round. In brackets: the medians of the ratios to (a) and "
            + $"to (c) taken repetition by repetition (all run back to back in each round, in rotating order), and for LiveActors "
            + $"the range of the ratios to (c). Targets that compare with a reference use those paired medians. "
            + $"Text: {size.TextChunks:N0} chunks; "
            + $"audio down: {size.AudioChunks:N0} × 9,600 B; audio up: {size.UpstreamChunks:N0} × {HarnessSize.UpstreamChunkBytes:N0} B; "
            + $"{size.Turns:N0} turns; {size.IdleSessions:N0} idle sessions.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}.");
        return text.ToString();
    }

    /// <summary>The ratio to (c), with its range for LiveActors; none where (c) measures about nothing (it allocates no bytes).</summary>
    private static string ToLean(Comparison c, bool withRange) => c switch
    {
        { ToLean: > 1_000 } => ", c ≈ 0",
        _ when withRange => string.Create(CultureInfo.InvariantCulture, $", {c.ToLean:0.00}× c: {c.LowestToLean:0.00}–{c.HighestToLean:0.00}"),
        _ => string.Create(CultureInfo.InvariantCulture, $", {c.ToLean:0.00}× c"),
    };

    private static string Format(Metric metric, double value) => value.ToString(metric.Format, CultureInfo.InvariantCulture);

    /// <summary>Where the figures were measured.</summary>
    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, "
            + $"{RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, "
            + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC";
    }
}
