using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// What the emulated model's family allows (docs/live-api.md 5.5), and where a Gemini 3.x conversation stands with the
/// initial history its setup promised: until that history's turnComplete, only clientContent may come.
/// </summary>
internal sealed class FamilyRules
{
    private readonly EmulatedFamily _family;

    public FamilyRules(EmulatedFamily family, bool historyPromised = false)
    {
        _family = family;
        HistoryOpen = IsGemini3 && historyPromised;
    }

    /// <summary>Gemini 3 and later, extended thinking included.</summary>
    public bool IsGemini3 => _family != EmulatedFamily.Gemini2;

    /// <summary>Each reply reports interactionStatus.</summary>
    public bool ReportsInteraction => _family == EmulatedFamily.ExtendedThinking;

    /// <summary>What the model says at the end of a reply; null for one that does not report interactionStatus.</summary>
    public string? Idle => ReportsInteraction ? "IDLE" : null;

    /// <summary>The initial history is still coming: clientContent seeds it, and realtime input is refused.</summary>
    public bool HistoryOpen { get; private set; }

    /// <summary>
    /// What a Gemini 3.x model closes the connection on: clientContent other than a promised initial history, realtime
    /// input before that history is complete, and mediaChunks. Null when the message is fine.
    /// </summary>
    public string? Violation(string kind, JsonElement body) => !IsGemini3 ? null : kind switch
    {
        "clientContent" when !HistoryOpen => "clientContent after the initial history (or with no historyConfig)",
        "realtimeInput" when HistoryOpen => "realtimeInput before the initial history was complete",
        "realtimeInput" when body.TryGetField("mediaChunks", out _) => "realtimeInput.mediaChunks",
        _ => null,
    };

    /// <summary>A Gemini 3.x clientContent is part of the initial history: it starts no reply; its turnComplete ends the history.</summary>
    public bool Seeds(string kind, JsonElement body)
    {
        if (!IsGemini3 || kind != "clientContent")
        {
            return false;
        }

        HistoryOpen = !body.IsTrue("turnComplete");
        return true;
    }
}
