using System.Globalization;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// A session whose connection the emulator drops (TCP, no close frame) after its second message: the time from the
/// contender noticing the drop to the resumed session being ready (setupComplete with the handle). Each contender
/// gets an emulator of its own whose odd-numbered connections drop, so every repetition's new session drops once and
/// its resumption does not.
/// </summary>
internal sealed class DropToResumedScenario(int repetitions) : Scenario
{
    /// <summary>How old a session is when it drops: older than LiveActors' reset-after, as a real session that drops is.</summary>
    public static readonly TimeSpan SessionAge = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, EmulatorProcess> _emulators = new(StringComparer.Ordinal);

    public override Task StartAsync() => Task.CompletedTask;

    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        if (!_emulators.TryGetValue(contender.Name, out var emulator))
        {
            var faults = Enumerable.Range(0, repetitions + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"{(2 * i) + 1}:drop=2"));
            emulator = _emulators[contender.Name] = await EmulatorProcess.StartAsync(faults).ConfigureAwait(false);
        }

        using var patience = new CancellationTokenSource(Patience);
        await using var session = await contender.ConnectAsync(emulator.BaseAddress, resumption: true, patience.Token).ConfigureAwait(false);

        // A first turn: by its turnComplete the handle sent after setupComplete has certainly arrived.
        await session.SendTextAsync("hello").ConfigureAwait(false);
        await session.NextTurnAsync(patience.Token).ConfigureAwait(false);
        await Task.Delay(SessionAge).ConfigureAwait(false);
        await session.SendTextAsync("drop").ConfigureAwait(false);
        var resumed = await session.NextResumeAsync(patience.Token).ConfigureAwait(false);
        return new Dictionary<Metric, double> { [Metric.DropToResumed] = resumed.TotalMilliseconds };
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var emulator in _emulators.Values)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
