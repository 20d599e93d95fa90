namespace LiveActors.Emulator;

/// <summary>
/// The rules one served model follows (PROTOCOL.md §5.5), as data: one row of <see cref="EmulatedModels"/>, found by
/// the longest prefix of the model name's last path segment.
/// </summary>
/// <param name="Prefix">The start of the names it serves (<c>gemini-3.8-live</c> serves <c>models/gemini-3.8-live</c>).</param>
/// <param name="Family">How its replies are shaped: a usageMetadata-only message first (3.x), interactionStatus (extended thinking).</param>
/// <param name="TextModality">TEXT in responseModalities is accepted; false: 1007, as every Live model served today closes.</param>
/// <param name="ThinkingLevel">What it does with generationConfig.thinkingConfig.thinkingLevel.</param>
/// <param name="NonBlockingByDefault">A function declared without <c>behavior</c> is NON_BLOCKING (3.8); else BLOCKING.</param>
/// <param name="BlockingAllowed">A BLOCKING declaration is accepted; false: 1007 at setup (3.8 extended thinking).</param>
/// <param name="NonBlockingAllowed">NON_BLOCKING is honoured; false: every call is BLOCKING (3.1 is synchronous only).</param>
/// <param name="SchedulingAccepted">A FunctionResponse may carry <c>scheduling</c>; false: 1007 (3.8 extended thinking).</param>
/// <param name="CancelsBlockingSilently">New input drops a pending BLOCKING call with no toolCallCancellation (3.8).</param>
/// <param name="ProactiveAudioAlwaysOn">proactivity.proactiveAudio: false is an error (3.8).</param>
/// <param name="HistoryOnlyAtStart">
/// The early-2026 3.1 rule: clientContent only as an initial history promised by historyConfig, before any realtime input; any other is 1007.
/// </param>
internal sealed record EmulatedModel(
    string Prefix,
    EmulatedFamily Family,
    bool TextModality,
    ThinkingLevelRule ThinkingLevel,
    bool NonBlockingByDefault,
    bool BlockingAllowed,
    bool NonBlockingAllowed,
    bool SchedulingAccepted,
    bool CancelsBlockingSilently,
    bool ProactiveAudioAlwaysOn,
    bool HistoryOnlyAtStart)
{
    /// <summary>3.x: 1007 on realtimeInput.mediaChunks and on <c>"handle": null</c> (seen on 3.1, kept for 3.8, §5.5).</summary>
    public bool RefusesOldForms => Family != EmulatedFamily.Gemini2;

    /// <summary>Each reply reports interactionStatus, and only IDLE ends an interaction.</summary>
    public bool ReportsInteraction => Family == EmulatedFamily.ExtendedThinking;

    /// <summary>A reply starts with an empty serverContent carrying only usageMetadata (3.x).</summary>
    public bool UsageFirst => Family != EmulatedFamily.Gemini2;

    /// <summary>Whether a call to a function declared with <paramref name="declared"/> (null: not said) holds the turn.</summary>
    public bool IsBlocking(string? declared) => !NonBlockingAllowed || declared switch
    {
        "BLOCKING" => true,
        "NON_BLOCKING" => false,
        _ => !NonBlockingByDefault,
    };
}

/// <summary>What a model does with <c>thinkingConfig.thinkingLevel</c>.</summary>
internal enum ThinkingLevelRule
{
    /// <summary>Accepted, or not probed: taken as it comes.</summary>
    Accepted,

    /// <summary>1007 "Thinking level is not supported for this model" (3.8).</summary>
    Refused,

    /// <summary>Required, LOW, MEDIUM or HIGH; absent is 1007 "Thinking level must be specified…"; thinkingBudget is refused (3.8 extended thinking).</summary>
    Required,
}
