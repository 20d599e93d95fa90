using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>The side-by-side results as markdown: one row per metric, medians, paired ratios to the hand-written client, targets.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<string> contenders, IReadOnlyDictionary<(Metric, string), List<double>> results, HarnessSize size)
    {
        var text = new StringBuilder();
        var letters = "abcdefgh";
        text.Append("| metric |");
        for (var i = 0; i < contenders.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({letters[i]}) {contenders[i]} |");
        }

        text.AppendLine(" target for (c), (d) | met by (c), (d) |");
        text.Append("|---|").Append(string.Concat(Enumerable.Repeat("---:|", contenders.Count))).AppendLine("---|---|");
        foreach (var metric in Metric.All.Where(m => contenders.All(c => results.ContainsKey((m, c)))))
        {
            var a = results[(metric, contenders[0])];
            var b = results[(metric, contenders[1])];
            text.Append(CultureInfo.InvariantCulture, $"| {metric.Row}, {metric.Unit} | {Format(metric, Statistics.Median(a))} |");
            var target = Target.For(metric);
            var met = new List<string>();
            for (var i = 1; i < contenders.Count; i++)
            {
                var comparison = Comparison.Of(results[(metric, contenders[i])], a, b);
                text.Append(CultureInfo.InvariantCulture,
                    $" {Format(metric, comparison.Value)} ({comparison.ToA:0.00}×, {comparison.LowestToA:0.00}–{comparison.HighestToA:0.00}) |");
                if (i >= 2)
                {
                    met.Add(target is null ? "–" : target.IsMet(comparison) ? "yes" : "**no**");
                }
            }

            text.AppendLine(CultureInfo.InvariantCulture, $" {target?.Text ?? "none: it explains the latency rows"} | {string.Join(", ", met)} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Medians of {size.Repetitions} repetitions after a warm-up round. In brackets: the median of the ratios to (a) taken "
            + $"repetition by repetition (the four run back to back in each round, in rotating order), and their range. Targets "
            + $"that compare with (a) or (b) use those paired medians. "
            + $"Text: {size.TextChunks:N0} chunks; "
            + $"audio down: {size.AudioChunks:N0} × 9,600 B; audio up: {size.UpstreamChunks:N0} × {HarnessSize.UpstreamChunkBytes:N0} B; "
            + $"{size.Turns:N0} turns; {size.IdleSessions:N0} idle sessions.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}.");
        return text.ToString();
    }

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
