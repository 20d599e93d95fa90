namespace LiveActors.Benchmarks.SideBySide;

/// <summary>What issues [H] and [P] ask of LiveActors on one row, as text for the table and as a check of a measured value.</summary>
/// <param name="Text">The target as the table prints it.</param>
/// <param name="IsMet">Whether a contender's comparison with the references meets it (ratios are the paired medians).</param>
internal sealed record Target(string Text, Func<Comparison, bool> IsMet)
{
    private static readonly Target Throughput = new("≥ 0.9× (a), ≥ (b)", c => c.ToA >= 0.9 && c.ToB >= 1);
    private static readonly Target IdleMemory = new("≤ 1.2× (c), ≤ (b)", c => c.ToLean <= 1.2 && c.ToB <= 1);

    /// <summary>What the issues ask of the row; null for a row that only explains others.</summary>
    public static Target? For(Metric metric) => metric switch
    {
        _ when metric == Metric.CpuPerTextChunk => null,
        _ when metric == Metric.CpuPerAudioChunk => new("≤ 1.5× (c)", c => c.ToLean <= 1.5),
        _ when metric == Metric.WorkItemsPerTurn => new("≤ 5 (actor API)", c => c.Value <= 5),
        _ when metric == Metric.TurnLatencyP50 => new("≤ (b)", c => c.ToB <= 1),
        _ when metric == Metric.TurnLatencyP99 => new("≤ (a) + 1 ms, ≤ (b)", c => c.Value <= c.A + 1 && c.ToB <= 1),
        _ when metric == Metric.IdleHeapPerSession || metric == Metric.IdleWorkingSetPerSession => IdleMemory,
        _ when metric == Metric.AllocatedPerTextChunk => new($"≤ {Payloads.TextChunk} B (the frame), ≤ (b)", c => c.Value <= Payloads.TextChunk && c.ToB <= 1),
        _ when metric == Metric.AllocatedPerAudioChunk => new($"≤ {Payloads.AudioChunk:N0} B (the frame), ≤ (b)", c => c.Value <= Payloads.AudioChunk && c.ToB <= 1),
        _ when metric == Metric.DropToResumed => new("< 50 ms, ≤ (b)", c => c.Value < 50 && c.ToB <= 1),
        _ => Throughput,
    };
}
