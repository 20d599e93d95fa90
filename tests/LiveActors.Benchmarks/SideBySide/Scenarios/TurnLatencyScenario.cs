using System.Diagnostics;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// Short text turns one after another on one session: the time from the send to turnComplete, p50 and p99, and how
/// many thread-pool work items a turn took (every hand-off between threads is one: a steadier measure of a client's
/// path than the time on a shared machine).
/// </summary>
internal sealed class TurnLatencyScenario() : SingleEmulatorScenario()
{
    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        using var patience = new CancellationTokenSource(Patience);
        await using var session = await contender.ConnectAsync(Emulator, resumption: false, patience.Token).ConfigureAwait(false);
        var workItems = ThreadPool.CompletedWorkItemCount;
        var latencies = new double[size.Turns];
        for (var i = 0; i < latencies.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await session.SendTextAsync("ping").ConfigureAwait(false);
            var turn = await session.NextTurnAsync(patience.Token).ConfigureAwait(false);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Expect(turn.Chunks > 0, contender, "a turn had no text.");
        }

        workItems = ThreadPool.CompletedWorkItemCount - workItems;
        Array.Sort(latencies);
        return new Dictionary<Metric, double>
        {
            [Metric.TurnLatencyP50] = Statistics.Percentile(latencies, 0.50),
            [Metric.TurnLatencyP99] = Statistics.Percentile(latencies, 0.99),
            [Metric.WorkItemsPerTurn] = (double)workItems / latencies.Length,
        };
    }
}
