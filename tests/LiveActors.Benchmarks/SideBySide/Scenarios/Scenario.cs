using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>One measured activity: it runs against one contender at a time and returns the rows it fills.</summary>
internal abstract class Scenario : IAsyncDisposable
{
    /// <summary>How long any one wait may take before the run is called broken (never a measurement bound).</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    /// <summary>Starts the emulator process(es) it needs.</summary>
    public abstract Task StartAsync();

    /// <summary>One repetition against <paramref name="contender"/>.</summary>
    public abstract Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size);

    public abstract ValueTask DisposeAsync();

    /// <summary>Bytes allocated by every thread of this process so far.</summary>
    protected static long AllocatedBytes() => GC.GetTotalAllocatedBytes(precise: true);

    /// <summary>
    /// The user and system time of this process so far: the client's work (the emulator runs in a process of its own),
    /// which the machine's noise moves far less than the wall-clock time it took.
    /// </summary>
    protected static TimeSpan ProcessorTime()
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Fails the run when a contender's tally is not what the emulator sent: a broken contender is never fast.</summary>
    protected static void Expect(bool condition, IContender contender, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"{contender.Name}: {what}");
        }
    }
}
