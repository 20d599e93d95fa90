using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// Many sessions open and idle at once: the growth of this process's managed heap after full collections, per session
/// (sockets, buffers, handlers, actors: everything a session keeps while it waits).
/// </summary>
internal sealed class IdleMemoryScenario() : SingleEmulatorScenario()
{
    private const int OpenAtOnce = 16;

    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        using var patience = new CancellationTokenSource(Patience);
        var before = SettledHeap();
        var sessions = new IContenderSession[size.IdleSessions];
        await ForEachAsync(sessions.Length, async i => sessions[i] = await contender.ConnectAsync(Emulator, resumption: true, patience.Token).ConfigureAwait(false))
            .ConfigureAwait(false);
        var after = SettledHeap();
        await ForEachAsync(sessions.Length, async i => await sessions[i].DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        return new Dictionary<Metric, double> { [Metric.IdleMemoryPerSession] = (after - before) / 1024.0 / sessions.Length };
    }

    private static long SettledHeap()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static Task ForEachAsync(int count, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = OpenAtOnce },
            async (i, _) => await body(i).ConfigureAwait(false));
}
