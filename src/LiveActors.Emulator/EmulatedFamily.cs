namespace LiveActors.Emulator;

/// <summary>How an emulated model shapes its replies (PROTOCOL.md §4.2 and §5.5); the rest of its rules are its row in the model table.</summary>
public enum EmulatedFamily
{
    /// <summary>Gemini 2.5 native audio, and every name served with the legacy rules: turnComplete ends a reply.</summary>
    Gemini2,

    /// <summary>
    /// Gemini 3.1 and 3.8: a reply starts with an empty serverContent carrying only usageMetadata, and
    /// <c>realtimeInput.mediaChunks</c> and <c>"handle": null</c> close with 1007.
    /// </summary>
    Gemini3,

    /// <summary>
    /// gemini-3.8-live-extended-thinking: the Gemini 3 rules, and each reply reports interactionStatus: a reply speaks
    /// twice (two turnCompletes, IN_PROGRESS between them), and only IDLE ends it.
    /// </summary>
    ExtendedThinking,
}
