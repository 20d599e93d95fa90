using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision.Turns;

/// <summary>
/// The rules of the session's model family (docs/live-api.md 3.2, 5.5) applied to what the session writes: the form of each
/// client message on the wire, or why it is refused before it gets there; the initial history; and what ends an
/// interaction. Every message the session writes goes through <see cref="WireForm"/>, replays and its own messages too.
/// </summary>
internal sealed class ModelRules
{
    private readonly string _model;

    public ModelRules(LiveConnectionOptions options)
    {
        _model = options.Model;
        Family = ModelFamilies.Of(options);
        History = options.InitialHistory is { Count: > 0 } turns
            ? new ClientContent { Turns = turns, TurnComplete = TakesTurnsMidSession ? false : true }
            : null;
    }

    /// <summary>The family the session follows.</summary>
    public ModelFamily Family { get; }

    /// <summary>
    /// Whether <c>clientContent</c> goes at any time (Gemini 2.x) or only as initial history (Gemini 3.x, where
    /// <c>historyConfig.initialHistoryInClientContent</c> is set and the history ends with turnComplete).
    /// </summary>
    public bool TakesTurnsMidSession => Family == ModelFamily.Gemini2;

    /// <summary>
    /// Whether the model may speak several times per request, so only <c>interactionStatus: IDLE</c> ends an
    /// interaction; a session also switches to it once the model reports an interactionStatus at all.
    /// </summary>
    public bool IdleEndsInteraction => Family == ModelFamily.Gemini3ExtendedThinking;

    /// <summary>The initial history, written right after setupComplete on a new server session; null without one.</summary>
    public ClientContent? History { get; }

    /// <summary>The setup a new or resumed connection sends: with the history config when Gemini 3.x gets a history.</summary>
    public Setup WithHistoryConfig(Setup setup) => History is not null && !TakesTurnsMidSession
        ? setup with { HistoryConfig = (setup.HistoryConfig ?? new HistoryConfig()) with { InitialHistoryInClientContent = true } }
        : setup;

    /// <summary>A user turn of text in the form the model takes: <c>realtimeInput.text</c>, or clientContent on Gemini 2.x.</summary>
    public ClientMessage UserText(string text) => TakesTurnsMidSession ? ClientContent.UserText(text) : RealtimeInput.FromText(text);

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
            case ClientContent content when !TakesTurnsMidSession:
                if (PlainUserText(content) is { } text)
                {
                    return RealtimeInput.FromText(text);
                }

                refusal = Refuse(
                    "clientContent after the initial history",
                    "send user text as RealtimeInput.FromText(text) (ClientContent.UserText is sent that way for you), the conversation so far as " +
                    "LiveConnectionOptions.InitialHistory, instructions or tools as ContextUpdate; or set model-family = gemini-2 if this model takes clientContent all session.");
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

    private UnsupportedByModel Refuse(string what, string instead) => new(_model, Family, what, instead);
}
