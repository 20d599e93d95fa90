namespace LiveActors.Options;

/// <summary>
/// What a resumed session does with messages whose delivery is uncertain: written on a connection that ended before
/// the server showed it had them (Gemini API resumption, docs/live-api.md 5.3). Each choice trades one risk for another.
/// </summary>
public enum UncertainDelivery
{
    /// <summary>
    /// Report each one to its sender and subscribers as <c>SendFailed(DeliveryUncertain)</c> and send nothing again: no
    /// duplicate ever reaches the model, and the application decides. Risks loss if it ignores the report. HOCON <c>report</c>.
    /// </summary>
    Report,

    /// <summary>
    /// Send realtime audio again first on the resumed connection (the model may hear up to a round trip of audio twice,
    /// which voice activity detection tolerates) and report the rest. HOCON <c>resend-realtime-audio</c>.
    /// </summary>
    ResendRealtimeAudio,

    /// <summary>
    /// Send everything uncertain again first on the resumed connection: nothing is lost, but a turn the server did have
    /// is answered twice. HOCON <c>resend-all</c>.
    /// </summary>
    ResendAll,
}
