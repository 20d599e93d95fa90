namespace LiveActors.Models;

/// <summary>
/// The Live models served today and their rules (docs/live-api.md 1.5 and 5.5), as data: <see cref="For"/> finds a model's
/// profile by the longest matching name prefix; a name no profile claims gets <see cref="Permissive"/>.
/// </summary>
public static class ModelProfiles
{
    /// <summary>Google's default Live model today, and the library's.</summary>
    public const string DefaultModel = "gemini-3.8-live";

    private const string Shutdown = "docs/live-api.md 1.5: shut down 2025-12-09";

    /// <summary><c>gemini-3.8-live</c>, GA and Google's default.</summary>
    public static ModelProfile Gemini38 { get; } = new()
    {
        Name = "gemini-3.8",
        Prefixes = ["gemini-3.8-live"],
        UserText = UserTextForm.ClientContent,
        MidSessionClientContent = true,
        InitialHistory = InitialHistoryForm.ClientContent,
        ResponseModalities = ["AUDIO", "VIDEO"],
        ThinkingLevel = Acceptance.Rejected,
        ThinkingBudget = Acceptance.Accepted,
        DefaultFunctionBehavior = FunctionBehavior.NonBlocking,
        BlockingFunctions = Acceptance.Accepted,
        NonBlockingFunctions = Acceptance.Accepted,
        ResponseScheduling = Acceptance.Accepted,
        BlockingCallOnInput = BlockingCallOnInput.SilentCancel,
        ProactiveAudio = ProactiveAudio.AlwaysOn,
        InteractionEnd = InteractionEnd.TurnComplete,
        Source = "docs/live-api.md 3.6, 5.5 (ai.google.dev 3.8 page; VIDEO on Vertex AI only)",
    };

    /// <summary><c>gemini-3.8-live-extended-thinking</c>: the model may speak several times per request.</summary>
    public static ModelProfile Gemini38ExtendedThinking { get; } = Gemini38 with
    {
        Name = "gemini-3.8-extended-thinking",
        Prefixes = ["gemini-3.8-live-extended-thinking"],
        ResponseModalities = ["AUDIO"],
        ThinkingLevel = Acceptance.Required,
        ThinkingBudget = Acceptance.Rejected,
        BlockingFunctions = Acceptance.Rejected,
        ResponseScheduling = Acceptance.Rejected,
        BlockingCallOnInput = BlockingCallOnInput.NotApplicable,
        InteractionEnd = InteractionEnd.InteractionIdle,
        Source = "docs/live-api.md 5.5 (pydantic-ai#8393; live-api thinking page)",
    };

    /// <summary><c>gemini-3.1-flash-live-preview</c> (legacy), as its current page documents it.</summary>
    public static ModelProfile Gemini31 { get; } = new()
    {
        Name = "gemini-3.1",
        Prefixes = ["gemini-3.1"],
        UserText = UserTextForm.ClientContent,
        MidSessionClientContent = true,
        InitialHistory = InitialHistoryForm.ClientContentWithHistoryConfig,
        ResponseModalities = ["AUDIO"],
        DefaultFunctionBehavior = FunctionBehavior.Blocking,
        BlockingFunctions = Acceptance.Accepted,
        NonBlockingFunctions = Acceptance.Unknown,
        ResponseScheduling = Acceptance.Unknown,
        BlockingCallOnInput = BlockingCallOnInput.HoldsTurn,
        ProactiveAudio = ProactiveAudio.Unknown,
        InteractionEnd = InteractionEnd.TurnComplete,
        Legacy = true,
        Replacement = DefaultModel,
        Source = "docs/live-api.md 3.2, 5.5 (ai.google.dev 3.1 page; livekit/agents#7289)",
    };

    /// <summary>3.1 as field reports of early 2026 saw it: no clientContent after the initial history. Chosen by name only.</summary>
    public static ModelProfile Gemini31Early2026 { get; } = Gemini31 with
    {
        Name = "gemini-3.1-early-2026",
        Prefixes = [],
        UserText = UserTextForm.RealtimeInputText,
        MidSessionClientContent = false,
        Source = "docs/live-api.md 3.2, 5.5 (early-2026 field reports: 1007 on mid-session clientContent)",
    };

    /// <summary>Gemini 2.5 native audio (<c>gemini-2.5-flash-native-audio-preview-12-2025</c>; Vertex AI <c>gemini-live-2.5-flash-native-audio</c>).</summary>
    public static ModelProfile Gemini25NativeAudio { get; } = new()
    {
        Name = "gemini-2.5-native-audio",
        Prefixes = ["gemini-2.5-flash-native-audio", "gemini-live-2.5-flash-native-audio"],
        UserText = UserTextForm.ClientContent,
        MidSessionClientContent = true,
        InitialHistory = InitialHistoryForm.ClientContent,
        ResponseModalities = ["AUDIO"],
        DefaultFunctionBehavior = FunctionBehavior.Blocking,
        BlockingFunctions = Acceptance.Accepted,
        NonBlockingFunctions = Acceptance.Accepted,
        ResponseScheduling = Acceptance.Accepted,
        BlockingCallOnInput = BlockingCallOnInput.CancellationMessage,
        ProactiveAudio = ProactiveAudio.OptIn,
        InteractionEnd = InteractionEnd.TurnComplete,
        Source = "docs/live-api.md 4.4, 5.5 (pydantic-ai#7269)",
    };

    /// <summary>The half-cascade models shut down on 2025-12-09; a session on one fails before it connects.</summary>
    public static ModelProfile Retired { get; } = Gemini25NativeAudio with
    {
        Name = "retired",
        Prefixes = ["gemini-live-2.5-flash-preview", "gemini-2.0-flash-live"], // retired: shut down 2025-12-09
        Legacy = false,
        ShutDownOn = new DateOnly(2025, 12, 9),
        Replacement = DefaultModel,
        Source = Shutdown,
    };

    /// <summary>What a name no profile claims gets: nothing is checked locally, and the session warns once.</summary>
    public static ModelProfile Permissive { get; } = new()
    {
        Name = "permissive",
        Known = false,
        Source = "docs/live-api.md 5.5: unknown names get the most permissive profile",
    };

    /// <summary>Every profile, those chosen by name only included; <see cref="Permissive"/> last.</summary>
    public static IReadOnlyList<ModelProfile> All { get; } =
        [Gemini38, Gemini38ExtendedThinking, Gemini31, Gemini31Early2026, Gemini25NativeAudio, Retired, Permissive];

    /// <summary>
    /// The profile of <paramref name="model"/> in any form (bare, <c>models/...</c>, a Vertex AI resource name): the one
    /// with the longest prefix of its last segment, else <see cref="Permissive"/>.
    /// </summary>
    public static ModelProfile For(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model.Trim()[(model.Trim().LastIndexOf('/') + 1)..].ToLowerInvariant();
        ModelProfile? best = null;
        var bestLength = 0;
        foreach (var profile in All)
        {
            foreach (var prefix in profile.Prefixes)
            {
                if (prefix.Length > bestLength && name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    (best, bestLength) = (profile, prefix.Length);
                }
            }
        }

        return best ?? Permissive;
    }

    /// <summary>The profile called <paramref name="name"/> (HOCON <c>model-profile</c>), or null when there is none.</summary>
    public static ModelProfile? Named(string name) =>
        All.FirstOrDefault(profile => string.Equals(profile.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
