namespace LiveActors.Benchmarks.SideBySide;

/// <summary>One row of the side-by-side table.</summary>
/// <param name="Row">What is measured.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="HigherIsBetter">True for throughput, false for time, memory and allocation.</param>
/// <param name="Format">How a value is printed.</param>
internal sealed record Metric(string Row, string Unit, bool HigherIsBetter, string Format = "N0")
{
    public static readonly Metric TextChunksPerSecond = new("downstream text", "chunks/s", HigherIsBetter: true);
    public static readonly Metric AudioMegabytesPerSecond = new("downstream audio", "MB/s", HigherIsBetter: true, "N1");
    public static readonly Metric UpstreamChunksPerSecond = new("upstream audio", "chunks/s", HigherIsBetter: true);
    public static readonly Metric TurnLatencyP50 = new("turn latency p50", "ms", HigherIsBetter: false, "N3");
    public static readonly Metric TurnLatencyP99 = new("turn latency p99", "ms", HigherIsBetter: false, "N3");
    public static readonly Metric WorkItemsPerTurn = new("thread-pool work items per turn", "items", HigherIsBetter: false, "N1");
    public static readonly Metric IdleHeapPerSession = new("idle managed heap per session", "KiB", HigherIsBetter: false, "N1");
    public static readonly Metric IdleWorkingSetPerSession = new("idle working set per session", "KiB", HigherIsBetter: false, "N1");
    public static readonly Metric CpuPerTextChunk = new("CPU per text chunk (user + system)", "µs", HigherIsBetter: false, "N2");
    public static readonly Metric CpuPerAudioChunk = new("CPU per audio chunk (user + system)", "µs", HigherIsBetter: false, "N2");
    public static readonly Metric AllocatedPerTextChunk = new($"allocated per text chunk ({Payloads.TextChunk} B frame)", "B", HigherIsBetter: false);
    public static readonly Metric AllocatedPerAudioChunk = new($"allocated per audio chunk ({Payloads.AudioChunk:N0} B frame)", "B", HigherIsBetter: false);
    public static readonly Metric DropToResumed = new("drop to resumed", "ms", HigherIsBetter: false, "N2");

    /// <summary>Every row, in the table's order.</summary>
    public static IReadOnlyList<Metric> All { get; } =
    [
        TextChunksPerSecond, AudioMegabytesPerSecond, UpstreamChunksPerSecond, TurnLatencyP50, TurnLatencyP99, WorkItemsPerTurn,
        IdleHeapPerSession, IdleWorkingSetPerSession, CpuPerTextChunk, CpuPerAudioChunk, AllocatedPerTextChunk, AllocatedPerAudioChunk, DropToResumed,
    ];
}

/// <summary>The sizes on the wire of the emulator's flood frames (its text and audio chunks).</summary>
internal static class Payloads
{
    /// <summary><c>{"serverContent":{"modelTurn":{"role":"model","parts":[{"text":"flood "}]}}}</c>.</summary>
    public const int TextChunk = 76;

    /// <summary>9,600 bytes of 24 kHz PCM as base64 (12,800 characters) in a serverContent.</summary>
    public const int AudioChunk = 12_919;

    /// <summary>The decoded audio in one downstream chunk.</summary>
    public const int AudioChunkPcm = 9_600;
}
