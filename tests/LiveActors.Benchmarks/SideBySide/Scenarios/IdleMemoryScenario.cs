using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// Many sessions open and idle at once: the growth of the managed heap after full collections and of the working set, per session (sockets,
/// buffers, handlers, actors: everything a session keeps while it waits), measured in a fresh process per contender
/// and repetition (<see cref="IdleMemoryProbe"/>).
/// </summary>
internal sealed class IdleMemoryScenario() : SingleEmulatorScenario()
{
    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        using var patience = new CancellationTokenSource(Patience);
        var perSession = await IdleMemoryProbe.MeasureInChildAsync(contender.Name, Emulator, size.IdleSessions, patience.Token).ConfigureAwait(false);
        return new Dictionary<Metric, double>
        {
            [Metric.IdleHeapPerSession] = perSession.HeapKiB,
            [Metric.IdleWorkingSetPerSession] = perSession.WorkingSetKiB,
        };
    }
}
