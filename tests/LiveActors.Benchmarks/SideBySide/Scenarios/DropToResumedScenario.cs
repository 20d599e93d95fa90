using System.Globalization;
using LiveActors.Benchmarks.SideBySide.Contenders;

namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>
/// A session whose connection the emulator drops (TCP, no close frame) after its second message: the time from the
/// contender noticing the drop to the resumed session being ready (setupComplete with the handle). Each contender
/// gets an emulator of its own whose odd-numbered connections drop, so every new session drops once and its
/// resumption does not. Those connections also answer the first turn slowly (<see cref="ReplyDelay"/> before each
/// message of the reply, a model taking its time), so that by the drop the session is older than LiveActors'
/// reset-after, as a real session that drops is, without the client waiting; the resumed connections answer at once.
/// A repetition is the median of <see cref="DropsPerRepetition"/> sessions, one after another:
/// one drop is a single sample of a few milliseconds, too noisy alone on a shared machine.
/// </summary>
internal sealed class DropToResumedScenario(int repetitions) : Scenario
{
    /// <summary>The emulator's wait before each message of the first reply: one such wait already outlasts reset-after.</summary>
    public static readonly TimeSpan ReplyDelay = LiveActorsOptions.ResetAfter + TimeSpan.FromMilliseconds(20);

    /// <summary>Drops measured per repetition.</summary>
    public const int DropsPerRepetition = 5;

    private readonly Dictionary<string, EmulatorProcess> _emulators = new(StringComparer.Ordinal);

    public override Task StartAsync() => Task.CompletedTask;

    public override async Task<IReadOnlyDictionary<Metric, double>> RunAsync(IContender contender, HarnessSize size)
    {
        if (!_emulators.TryGetValue(contender.Name, out var emulator))
        {
            var faults = Enumerable.Range(0, (repetitions + 1) * DropsPerRepetition).SelectMany(i => new[]
            {
                string.Create(CultureInfo.InvariantCulture, $"{(2 * i) + 1}:drop=2"),
                string.Create(CultureInfo.InvariantCulture, $"{(2 * i) + 1}:delay={ReplyDelay.TotalMilliseconds}"),
            });
            emulator = _emulators[contender.Name] = await EmulatorProcess.StartAsync(faults).ConfigureAwait(false);
        }

        var samples = new List<double>(DropsPerRepetition);
        for (var i = 0; i < DropsPerRepetition; i++)
        {
            samples.Add((await DropOnceAsync(contender, emulator.BaseAddress).ConfigureAwait(false)).TotalMilliseconds);
        }

        return new Dictionary<Metric, double> { [Metric.DropToResumed] = Statistics.Median(samples) };
    }

    private static async Task<TimeSpan> DropOnceAsync(IContender contender, Uri emulator)
    {
        using var patience = new CancellationTokenSource(Patience);
        await using var session = await contender.ConnectAsync(emulator, resumption: true, patience.Token).ConfigureAwait(false);

        // A first, slow turn: by its turnComplete the handle sent after setupComplete has certainly arrived, and the
        // session is older than reset-after.
        await session.SendTextAsync("hello").ConfigureAwait(false);
        await session.NextTurnAsync(patience.Token).ConfigureAwait(false);
        await session.SendTextAsync("drop").ConfigureAwait(false);
        return await session.NextResumeAsync(patience.Token).ConfigureAwait(false);
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var emulator in _emulators.Values)
        {
            await emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
