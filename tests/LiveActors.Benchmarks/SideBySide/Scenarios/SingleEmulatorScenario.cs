namespace LiveActors.Benchmarks.SideBySide.Scenarios;

/// <summary>A scenario that needs one emulator, started with the given faults.</summary>
internal abstract class SingleEmulatorScenario(params string[] faults) : Scenario
{
    private EmulatorProcess? _emulator;

    protected Uri Emulator => _emulator?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    public override async Task StartAsync() => _emulator = await EmulatorProcess.StartAsync(faults).ConfigureAwait(false);

    public override async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync().ConfigureAwait(false);
        }
    }
}
