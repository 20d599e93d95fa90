using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace LiveActors.Benchmarks.SideBySide;

/// <summary>The side-by-side results as markdown: one row per metric, medians, ratios to the hand-written client, targets.</summary>
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
        foreach (var metric in Metric.All.Where(m => contenders.Any(c => results.ContainsKey((m, c)))))
        {
            var medians = contenders.Select(c => results.TryGetValue((metric, c), out var v) ? Statistics.Median(v) : double.NaN).ToArray();
            text.Append(CultureInfo.InvariantCulture, $"| {metric.Row}, {metric.Unit} |");
            for (var i = 0; i < medians.Length; i++)
            {
                text.Append(' ').Append(medians[i].ToString(metric.Format, CultureInfo.InvariantCulture));
                if (i > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $" ({medians[i] / medians[0]:0.00}×)");
                }

                text.Append(" |");
            }

            var target = Target.For(metric);
            var met = medians.Skip(2).Select(v => target.IsMet(v, medians[0], medians[1]) ? "yes" : "**no**");
            text.AppendLine(CultureInfo.InvariantCulture, $" {target.Text} | {string.Join(", ", met)} |");
        }

        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Medians of {size.Repetitions} repetitions after a warm-up round; ratios are to (a). Text: {size.TextChunks:N0} chunks; "
            + $"audio down: {size.AudioChunks:N0} × 9,600 B; audio up: {size.UpstreamChunks:N0} × {HarnessSize.UpstreamChunkBytes:N0} B; "
            + $"{size.Turns:N0} turns; {size.IdleSessions:N0} idle sessions.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine()}.");
        return text.ToString();
    }

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
