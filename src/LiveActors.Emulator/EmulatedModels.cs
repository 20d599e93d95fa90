namespace LiveActors.Emulator;

/// <summary>
/// The Live models the emulator serves, as the service serves them today (PROTOCOL.md §1.5 and §5.5), keyed by name
/// prefix. Models shut down on 2025-12-09 (retired: <c>gemini-live-2.5-flash-preview</c>, <c>gemini-2.0-flash-live-001</c>) and any other name
/// are not served: setup closes 1008, unless <see cref="LiveEmulatorOptions.UnknownModels"/> accepts them with
/// <see cref="Legacy"/> rules.
/// </summary>
internal static class EmulatedModels
{
    private static readonly EmulatedModel Gemini38 = new("gemini-3.8-live", EmulatedFamily.Gemini3, TextModality: false,
        ThinkingLevelRule.Refused, NonBlockingByDefault: true, BlockingAllowed: true, NonBlockingAllowed: true, SchedulingAccepted: true,
        CancelsBlockingSilently: true, ProactiveAudioAlwaysOn: true, HistoryOnlyAtStart: false);

    private static readonly EmulatedModel NativeAudio25 = new("gemini-2.5-flash-native-audio", EmulatedFamily.Gemini2, TextModality: false,
        ThinkingLevelRule.Accepted, NonBlockingByDefault: false, BlockingAllowed: true, NonBlockingAllowed: true, SchedulingAccepted: true,
        CancelsBlockingSilently: false, ProactiveAudioAlwaysOn: false, HistoryOnlyAtStart: false);

    private static readonly EmulatedModel Gemini31 = new("gemini-3.1-flash-live-preview", EmulatedFamily.Gemini3, TextModality: false,
        ThinkingLevelRule.Accepted, NonBlockingByDefault: false, BlockingAllowed: true, NonBlockingAllowed: false, SchedulingAccepted: true,
        CancelsBlockingSilently: false, ProactiveAudioAlwaysOn: false, HistoryOnlyAtStart: false);

    /// <summary>Every served model, longest prefix first so that the most specific row wins.</summary>
    public static IReadOnlyList<EmulatedModel> Served { get; } =
    [
        Gemini38 with
        {
            Prefix = "gemini-3.8-live-extended-thinking", Family = EmulatedFamily.ExtendedThinking, ThinkingLevel = ThinkingLevelRule.Required,
            BlockingAllowed = false, SchedulingAccepted = false, CancelsBlockingSilently = false,
        },
        Gemini38,
        Gemini31,
        NativeAudio25 with { Prefix = "gemini-live-2.5-flash-native-audio" }, // Vertex AI's name
        NativeAudio25,
    ];

    /// <summary>
    /// The rules of names the service does not serve, for tests written before the emulator knew the served models:
    /// text replies, clientContent at any time, BLOCKING calls cancelled with toolCallCancellation, no setup checks.
    /// </summary>
    public static EmulatedModel Legacy { get; } = NativeAudio25 with { Prefix = "", TextModality = true };

    /// <summary>The row serving <paramref name="model"/> (its last path segment, any case), or null when none does.</summary>
    public static EmulatedModel? Find(string model, bool early2026Gemini31 = false)
    {
        var name = model[(model.LastIndexOf('/') + 1)..].ToLowerInvariant();
        var row = Served.FirstOrDefault(m => name.StartsWith(m.Prefix, StringComparison.Ordinal));
        return early2026Gemini31 && row == Gemini31 ? row with { HistoryOnlyAtStart = true } : row;
    }
}
