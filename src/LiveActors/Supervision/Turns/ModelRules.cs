using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision.Turns;

/// <summary>
/// The session model's profile (docs/models.md, docs/live-api.md 3.2, 5.5) applied to what the session writes: the form of
/// each client message on the wire, or why it is refused before it gets there; the initial history; and what ends an
/// interaction. Every message the session writes goes through <see cref="WireForm"/>, replays and its own messages too.
/// Mid-session <c>clientContent</c> is sent whenever the profile allows it; a 1007 on one teaches the rules otherwise
/// (<see cref="LearnNoMidSessionClientContent"/>).
/// </summary>
internal sealed class ModelRules
{
    private readonly string _model;
    private readonly IReadOnlyList<Content>? _history;

    public ModelRules(LiveConnectionOptions options)
        : this(options.Model, FamilyProfiles.Resolve(options.Setup?.Model is { Length: > 0 } model ? model : options.Model, options.ModelProfile, options.ModelFamily),
            options.InitialHistory)
    {
    }

    public ModelRules(string model, ModelProfile profile, IReadOnlyList<Content>? history = null)
    {
        _model = model;
        Profile = profile;
        _history = history is { Count: > 0 } ? history : null;
    }

    /// <summary>The profile the session follows now: the chosen one, changed by what the server taught it.</summary>
    public ModelProfile Profile { get; private set; }

    /// <summary>Whether the server takes <c>clientContent</c> after the initial history, as far as the session knows.</summary>
    public bool TakesTurnsMidSession => Profile.MidSessionClientContent;

    /// <summary>
    /// Whether the model may speak several times per request, so only <c>interactionStatus: IDLE</c> ends an
    /// interaction; a session also switches to it once the model reports an interactionStatus at all.
    /// </summary>
    public bool IdleEndsInteraction => Profile.InteractionEnd == InteractionEnd.InteractionIdle;

    /// <summary>Whether the history is announced in setup and ends with turnComplete (the early-2026 3.1 rule).</summary>
    private bool HistoryConfigured => Profile.InitialHistory == InitialHistoryForm.ClientContentWithHistoryConfig;

    /// <summary>
    /// The initial history, written right after setupComplete on a new server session; null without one. It ends with
    /// turnComplete only where setup announced it, so elsewhere it asks for no reply.
    /// </summary>
    public ClientContent? History => HistoryWith([]);

    /// <summary>
    /// The history a new server session gets: the initial history, then <paramref name="said"/> (the conversation so
    /// far, when the session could not resume); null when both are empty.
    /// </summary>
    public ClientContent? HistoryWith(IReadOnlyList<Content> said) =>
        (_history?.Count ?? 0) + said.Count == 0 ? null : new ClientContent { Turns = [.. _history ?? [], .. said], TurnComplete = HistoryConfigured };

    /// <summary>The setup a new or resumed connection sends: with the history config when the profile announces a history.</summary>
    public Setup WithHistoryConfig(Setup setup) => WithHistoryConfig(setup, History);

    /// <summary>The setup of a connection that sends <paramref name="history"/> (null: none) first.</summary>
    public Setup WithHistoryConfig(Setup setup, ClientContent? history) => history is not null && HistoryConfigured
        ? setup with { HistoryConfig = (setup.HistoryConfig ?? new HistoryConfig()) with { InitialHistoryInClientContent = true } }
        : setup;

    /// <summary>A user turn of text in the form the model takes: a clientContent turn, or <c>realtimeInput.text</c>.</summary>
    public ClientMessage UserText(string text) =>
        Profile.UserText == UserTextForm.RealtimeInputText ? RealtimeInput.FromText(text) : ClientContent.UserText(text);

    /// <summary>
    /// The server closed with 1007 on a mid-session <c>clientContent</c>: from now on user text goes as
    /// <c>realtimeInput.text</c>, the history as an announced seed on the next new session, and any other mid-session
    /// <c>clientContent</c> is refused before the wire (docs/live-api.md 3.2).
    /// </summary>
    public void LearnNoMidSessionClientContent() => Profile = Profile with
    {
        MidSessionClientContent = false,
        UserText = UserTextForm.RealtimeInputText,
        InitialHistory = InitialHistoryForm.ClientContentWithHistoryConfig,
    };

    /// <summary>
    /// <paramref name="message"/> as it goes on the wire: itself, or, for a user text turn on a model that takes no
    /// clientContent mid-session, the same text as <c>realtimeInput.text</c>. Null, with <paramref name="refusal"/> set,
    /// when the model would close the connection on it.
    /// </summary>
    public ClientMessage? WireForm(ClientMessage message, out UnsupportedByModel? refusal)
    {
        refusal = null;
        switch (message)
        {
            case Setup:
                refusal = Refuse("second setup", "setup is sent by the session when it connects; change the system instruction or the tools with ContextUpdate.");
                return null;
            case RealtimeInput { AdditionalProperties: { } extra } when extra.ContainsKey("mediaChunks"):
                refusal = Refuse("realtimeInput.mediaChunks", "send audio as RealtimeInput.Pcm(...) (realtimeInput.audio) and frames as RealtimeInput.Jpeg(...) (realtimeInput.video).");
                return null;
            case ClientContent content when Profile.UserText == UserTextForm.RealtimeInputText && PlainUserText(content) is { } text:
                return RealtimeInput.FromText(text);
            case ClientContent when !TakesTurnsMidSession:
                refusal = Refuse(
                    "clientContent after the initial history",
                    "send user text as RealtimeInput.FromText(text) (ClientContent.UserText is sent that way for you), the conversation so far as " +
                    "LiveConnectionOptions.InitialHistory, instructions or tools as ContextUpdate; or choose a profile that takes clientContent all session (model-profile).");
                return null;
            default:
                return message;
        }
    }

    /// <summary>The text of a complete user turn of text parts only (what <see cref="ClientContent.UserText"/> makes), else null.</summary>
    private static string? PlainUserText(ClientContent content) =>
        content is { TurnComplete: true, Turns: [{ Role: Roles.User or null, Parts: { Count: > 0 } parts, AdditionalProperties: null }], AdditionalProperties: null }
        && parts.All(p => p is { Text: not null, Thought: null, ThoughtSignature: null, InlineData: null, ExecutableCode: null, CodeExecutionResult: null, FunctionCall: null, FunctionResponse: null, AdditionalProperties: null })
            ? string.Concat(parts.Select(p => p.Text))
            : null;

    private UnsupportedByModel Refuse(string what, string instead) => new(_model, Profile.Name, what, instead);
}
