namespace LiveActors.Emulator;

/// <summary>The served models as the command line's <c>--help</c> lists them.</summary>
internal static class ModelHelp
{
    public const string Text = """
          gemini-3.8-live                     audio only; thinkingLevel 1007; NON_BLOCKING by default; a pending BLOCKING
                                              call is cancelled silently by new input; proactiveAudio:false is an error
          gemini-3.8-live-extended-thinking   audio only; thinkingLevel LOW|MEDIUM|HIGH required; NON_BLOCKING only;
                                              scheduling 1007; interactionStatus, two speeches per request
          gemini-3.1-flash-live-preview       audio only; BLOCKING only; clientContent all session (with
                                              --gemini-3.1-early-2026: only as a historyConfig seed, else 1007)
          gemini-2.5-flash-native-audio...    audio only; BLOCKING by default; toolCallCancellation on interruption
          gemini-live-2.5-flash-native-audio  (Vertex AI) as 2.5 native audio
        Any other name, shut-down models included, closes 1008 "... is not found for API version ...", unless
        --unknown-models accept-legacy serves it with the legacy rules (text replies, no setup checks).
        TEXT in responseModalities closes 1007 on every served model; replies are 24 kHz PCM (a tone) with
        outputTranscription when setup turns it on.
        """;
}
