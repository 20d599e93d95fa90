namespace LiveActors.Models;

/// <summary>
/// Which rules of the Live API a model follows (docs/live-api.md 3.2 and 5.5): they decide how the session writes user text,
/// initial history and replays, and what ends an interaction. HOCON <c>model-family</c>.
/// </summary>
public enum ModelFamily
{
    /// <summary>
    /// From the model name: <c>extended-thinking</c> in it is <see cref="Gemini3ExtendedThinking"/>, a Gemini version of
    /// 3 or later <see cref="Gemini3"/>, 2 or earlier <see cref="Gemini2"/>; a name with no version gets the newest rules,
    /// <see cref="Gemini3"/>. HOCON <c>auto</c>.
    /// </summary>
    Auto,

    /// <summary>
    /// Gemini 2.x (<c>gemini-live-2.5-flash-preview</c>, shut down on 2025-12-09, <c>gemini-2.5-flash-native-audio-...</c>): <c>clientContent</c>
    /// at any time, and turnComplete ends a reply. HOCON <c>gemini-2</c>.
    /// </summary>
    Gemini2,

    /// <summary>
    /// Gemini 3.x (3.1 and later): <c>clientContent</c> only as initial history, before any realtime input, so a user
    /// text turn is written as <c>realtimeInput.text</c> and any other <c>ClientContent</c> is refused before it reaches the
    /// wire. HOCON <c>gemini-3</c>.
    /// </summary>
    Gemini3,

    /// <summary>
    /// Gemini 3.x extended-thinking models: the <see cref="Gemini3"/> rules, and the model may speak several times per
    /// request, so only <c>interactionStatus: IDLE</c> ends an interaction, not turnComplete. HOCON
    /// <c>gemini-3-extended-thinking</c>.
    /// </summary>
    Gemini3ExtendedThinking,
}
