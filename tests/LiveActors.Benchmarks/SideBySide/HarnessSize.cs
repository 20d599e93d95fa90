namespace LiveActors.Benchmarks.SideBySide;

/// <summary>How much each scenario does: the full run the README quotes, or the quick one.</summary>
internal sealed record HarnessSize(int Repetitions, int TextChunks, int AudioChunks, int UpstreamChunks, int Turns, int IdleSessions)
{
    /// <summary>40 ms of 16 kHz 16-bit mono PCM: a typical microphone chunk.</summary>
    public const int UpstreamChunkBytes = 1_280;

    public static HarnessSize Full { get; } = new(Repetitions: 5, TextChunks: 100_000, AudioChunks: 10_000, UpstreamChunks: 20_000, Turns: 500, IdleSessions: 1_000);

    public static HarnessSize Quick { get; } = new(Repetitions: 5, TextChunks: 50_000, AudioChunks: 2_000, UpstreamChunks: 5_000, Turns: 100, IdleSessions: 200);

    /// <summary>The warm-up round (JIT, pools, connections), whose figures are thrown away.</summary>
    public static HarnessSize WarmUp { get; } = new(Repetitions: 1, TextChunks: 5_000, AudioChunks: 100, UpstreamChunks: 1_000, Turns: 20, IdleSessions: 20);
}
