namespace LiveActors.Benchmarks.SideBySide;

/// <summary>What issue [H] asks of LiveActors on one row, as text for the table and as a check of a measured value.</summary>
/// <param name="Text">The target as the table prints it.</param>
/// <param name="IsMet">Given LiveActors' value, the hand-written client's (a) and Websocket.Client's (b).</param>
internal sealed record Target(string Text, Func<double, double, double, bool> IsMet)
{
    private static readonly Target Throughput = new("≥ 0.9× (a), ≥ (b)", (v, a, b) => v >= 0.9 * a && v >= b);

    public static Target For(Metric metric) => metric switch
    {
        _ when metric == Metric.TurnLatencyP50 => new("≤ (b)", (v, _, b) => v <= b),
        _ when metric == Metric.TurnLatencyP99 => new("≤ (a) + 1 ms, ≤ (b)", (v, a, b) => v <= a + 1 && v <= b),
        _ when metric == Metric.IdleMemoryPerSession => new("≤ 1.2× (a), ≤ (b)", (v, a, b) => v <= 1.2 * a && v <= b),
        _ when metric == Metric.AllocatedPerTextChunk => new($"≤ {Payloads.TextChunk} B (the frame), ≤ (b)", (v, _, b) => v <= Payloads.TextChunk && v <= b),
        _ when metric == Metric.AllocatedPerAudioChunk => new($"≤ {Payloads.AudioChunk:N0} B (the frame), ≤ (b)", (v, _, b) => v <= Payloads.AudioChunk && v <= b),
        _ when metric == Metric.DropToResumed => new("< 50 ms, ≤ (b)", (v, _, b) => v < 50 && v <= b),
        _ => Throughput,
    };
}
