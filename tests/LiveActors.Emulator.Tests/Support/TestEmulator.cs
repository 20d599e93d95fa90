namespace LiveActors.Emulator.Tests.Support;

/// <summary>
/// Starts the emulator for tests that use non-Live model names (<see cref="Paths.GeminiModel"/>): those names get the
/// legacy rules (text replies, no setup checks) instead of the service's 1008. Tests of the served models' rules start
/// <see cref="LiveEmulator"/> itself, with the strict default.
/// </summary>
internal static class TestEmulator
{
    public static Task<LiveEmulator> StartAsync(LiveEmulatorOptions? options = null) =>
        LiveEmulator.StartAsync((options ?? new LiveEmulatorOptions()) with { UnknownModels = UnknownModelPolicy.AcceptWithLegacyRules });
}
