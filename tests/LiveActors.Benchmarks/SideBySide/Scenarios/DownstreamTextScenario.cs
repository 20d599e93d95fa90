using System.Diagnostics;
using System.Globalization;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// A prompt answered by a flood of small text chunks (the emulator's <c>flood</c> fault): chunks per second from the
/// send to turnComplete, bytes allocated in this process per message received, and its CPU time (user + system) per message.
/// </summary>
internal sealed class DownstreamTextScenario(int chunks) : SingleEmulatorScenario($"flood={chunks.ToString(CultureInfo.InvariantCulture)}")
{
    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        using var patience = new CancellationTokenSource(Patience);
        await using var session = await contender.ConnectAsync(Emulator, resumption: false, patience.Token).ConfigureAwait(false);
        var allocated = AllocatedBytes();
        var cpu = ProcessorTime();
        var started = Stopwatch.GetTimestamp();
        await session.SendTextAsync("flood").ConfigureAwait(false);
        var turn = await session.NextTurnAsync(patience.Token).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuTime = ProcessorTime() - cpu;
        allocated = AllocatedBytes() - allocated;
        Expect(turn.Chunks == chunks, contender, $"{turn.Chunks} text chunks arrived, not {chunks}.");
        return new Dictionary<Metric, double>
        {
            [Metric.TextChunksPerSecond] = chunks / elapsed.TotalSeconds,
            [Metric.CpuPerTextChunk] = cpuTime.TotalMicroseconds / (chunks + 2),
            [Metric.AllocatedPerTextChunk] = (double)allocated / (chunks + 2), // the chunks, generationComplete, turnComplete
        };
    }
}
