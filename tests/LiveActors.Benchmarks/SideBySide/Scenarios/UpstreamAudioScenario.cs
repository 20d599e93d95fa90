using System.Diagnostics;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// Microphone-sized audio chunks sent as fast as the contender takes them, then a text that the emulator answers only
/// after it has read everything before it: chunks per second from the first send to that answer's turnComplete.
/// </summary>
internal sealed class UpstreamAudioScenario() : SingleEmulatorScenario()
{
    private static readonly ReadOnlyMemory<byte> Chunk = new byte[HarnessSize.UpstreamChunkBytes];

    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        using var patience = new CancellationTokenSource(Patience);
        await using var session = await contender.ConnectAsync(Emulator, resumption: false, patience.Token).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < size.UpstreamChunks; i++)
        {
            await session.SendAudioAsync(Chunk).ConfigureAwait(false);
        }

        await session.SendTextAsync("sync").ConfigureAwait(false);
        var turn = await session.NextTurnAsync(patience.Token).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        Expect(turn.Chunks > 0, contender, "the answer after the audio had no text.");
        return new Dictionary<Metric, double> { [Metric.UpstreamChunksPerSecond] = size.UpstreamChunks / elapsed.TotalSeconds };
    }
}
