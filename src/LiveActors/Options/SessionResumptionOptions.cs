namespace LiveActors.Options;

/// <summary>Whether sessions ask for resumption handles and survive reconnects with their context.</summary>
public sealed record SessionResumptionOptions
{
    /// <summary>Send <c>sessionResumption</c> in setup and reconnect with the newest handle. HOCON <c>session-resumption.enabled</c>.</summary>
    public bool Enabled { get; init; } = LiveDefaults.ResumptionEnabled;

    /// <summary>
    /// Vertex AI only: ask for <c>lastConsumedClientMessageIndex</c> and replay what the server had not consumed.
    /// HOCON <c>session-resumption.transparent</c>.
    /// </summary>
    public bool Transparent { get; init; } = LiveDefaults.ResumptionTransparent;

    /// <summary>
    /// A handle stored from an earlier session (<see cref="Live.SessionResumptionUpdated"/>) to start this session from,
    /// so the model keeps that conversation; null for a fresh session. A refused handle (expired, unknown) gives
    /// <see cref="Live.ResumptionRefused"/> and one fresh session, as for a handle the session got itself. A secret: it is
    /// never printed (<see cref="ToString"/> shows a fingerprint). HOCON <c>session-resumption.handle</c>.
    /// </summary>
    public string? Handle { get; init; }

    /// <summary>
    /// Gemini API: what a resumed session does with messages written on a connection that ended before the server
    /// showed it had them (by a reply to them or to a later turn, before a handle). Report them (the default), send
    /// realtime audio again, or send everything again; see <see cref="UncertainDelivery"/> for what each risks.
    /// Transparent resumption needs none of this: it replays exactly what the server had not consumed.
    /// HOCON <c>session-resumption.uncertain-messages</c>.
    /// </summary>
    public UncertainDelivery UncertainMessages { get; init; } = LiveDefaults.ResumptionUncertainMessages;

    /// <summary>
    /// When a connection ends while a reply streams (<see cref="Live.ReplyCut"/>), send the turn it answered again,
    /// first, on the resumed connection, once: the server does not continue a cut reply. Off by default, since the
    /// model then answers from the start and may repeat what was already heard. HOCON
    /// <c>session-resumption.ask-again-after-cut-reply</c>.
    /// </summary>
    public bool AskAgainAfterCutReply { get; init; } = LiveDefaults.ResumptionAskAgainAfterCutReply;

    /// <summary>
    /// What happens to a <c>toolResponse</c> for calls lost with a connection (reported as
    /// <see cref="Live.ToolCallCancelled"/> with <c>ByConnection</c>): refused with <c>ToolCallLost</c> (the default), or
    /// sent as a text turn so the model can still use the result. Never as a toolResponse, which would leave the model
    /// waiting. HOCON <c>session-resumption.lost-tool-results</c>.
    /// </summary>
    public LostToolResults LostToolResults { get; init; } = LiveDefaults.ResumptionLostToolResults;

    /// <summary>
    /// How many resumes in a row one handle may fail before it is abandoned: a resume fails when the server set it up,
    /// then closed it before answering anything on it (setupComplete alone proves nothing; a network drop or a refused
    /// upgrade says nothing about the handle). Then a fresh session starts, with
    /// the initial history, and <see cref="Live.ResumptionRefused"/> says the model lost the conversation's context.
    /// HOCON <c>session-resumption.max-resumes-per-handle</c>.
    /// </summary>
    public int MaxResumesPerHandle { get; init; } = LiveDefaults.ResumptionMaxResumesPerHandle;

    /// <summary>
    /// How many answered exchanges (the user's text and the model's reply, as text or output transcription) the session
    /// keeps to seed a new server session when it cannot resume (no handle yet at a goAway, an abandoned or refused
    /// handle, resumption off): they follow the initial history as clientContent turns with roles, in the form the
    /// model's profile takes. 0 keeps none. HOCON <c>session-resumption.reseed-exchanges</c>.
    /// </summary>
    public int ReseedExchanges { get; init; } = LiveDefaults.ResumptionReseedExchanges;

    /// <summary>The options, with the handle as a fingerprint.</summary>
    public override string ToString() =>
        $"SessionResumptionOptions {{ Enabled = {Enabled}, Transparent = {Transparent}, Handle = {(Handle is null ? "(none)" : Protocol.HandleFingerprint.Of(Handle))}, UncertainMessages = {UncertainMessages}, AskAgainAfterCutReply = {AskAgainAfterCutReply}, LostToolResults = {LostToolResults}, MaxResumesPerHandle = {MaxResumesPerHandle}, ReseedExchanges = {ReseedExchanges} }}";
}
