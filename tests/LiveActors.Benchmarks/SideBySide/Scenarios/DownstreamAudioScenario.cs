using System.Diagnostics;
using System.Globalization;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// A prompt answered by a flood of 200 ms audio chunks (the emulator's <c>audio-flood</c> fault): decoded megabytes
/// per second from the send to turnComplete, bytes allocated in this process per message received, and its CPU time (user + system) per message.
/// </summary>
internal sealed class DownstreamAudioScenario(int chunks) : SingleEmulatorScenario($"audio-flood={chunks.ToString(CultureInfo.InvariantCulture)}")
{
    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        using var patience = new CancellationTokenSource(Patience);
        await using var session = await contender.ConnectAsync(Emulator, resumption: false, patience.Token).ConfigureAwait(false);
        var allocated = AllocatedBytes();
        var cpu = ProcessorTime();
        var started = Stopwatch.GetTimestamp();
        await session.SendTextAsync("speak").ConfigureAwait(false);
        var turn = await session.NextTurnAsync(patience.Token).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var cpuTime = ProcessorTime() - cpu;
        allocated = AllocatedBytes() - allocated;
        Expect(turn.AudioBytes == (long)chunks * Payloads.AudioChunkPcm, contender, $"{turn.AudioBytes} audio bytes arrived, not {chunks * Payloads.AudioChunkPcm}.");
        return new Dictionary<Metric, double>
        {
            [Metric.AudioMegabytesPerSecond] = turn.AudioBytes / 1e6 / elapsed.TotalSeconds,
            [Metric.CpuPerAudioChunk] = cpuTime.TotalMicroseconds / (chunks + 2),
            [Metric.AllocatedPerAudioChunk] = (double)allocated / (chunks + 2),
        };
    }
}
