using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// What the emulated model allows mid-session (PROTOCOL.md §5.5), and, under the early-2026 3.1 rule, where the
/// conversation stands with the initial history its setup promised: until that history's turnComplete, only
/// clientContent may come, and after it no clientContent at all.
/// </summary>
internal sealed class FamilyRules
{
    public FamilyRules(EmulatedModel model, bool historyPromised = false)
    {
        Model = model;
        HistoryOpen = model.HistoryOnlyAtStart && historyPromised;
    }

    /// <summary>The model's row.</summary>
    public EmulatedModel Model { get; }

    /// <summary>A reply starts with an empty serverContent carrying only usageMetadata.</summary>
    public bool UsageFirst => Model.UsageFirst;

    /// <summary>Each reply reports interactionStatus.</summary>
    public bool ReportsInteraction => Model.ReportsInteraction;

    /// <summary>What the model says at the end of a reply; null for one that does not report interactionStatus.</summary>
    public string? Idle => ReportsInteraction ? "IDLE" : null;

    /// <summary>The initial history is still coming: clientContent seeds it, and realtime input is refused.</summary>
    public bool HistoryOpen { get; private set; }

    /// <summary>
    /// What the model closes the connection on with 1007: mediaChunks (3.x), and under the early-2026 3.1 rule
    /// clientContent other than a promised initial history and realtime input before that history is complete.
    /// Null when the message is fine.
    /// </summary>
    public string? Violation(string kind, JsonElement body) => kind switch
    {
        "clientContent" when Model.HistoryOnlyAtStart && !HistoryOpen => "clientContent after the initial history (or with no historyConfig)",
        "realtimeInput" when HistoryOpen => "realtimeInput before the initial history was complete",
        "realtimeInput" when Model.RefusesOldForms && body.TryGetField("mediaChunks", out _) => "realtimeInput.mediaChunks",
        _ => null,
    };

    /// <summary>Under the early-2026 rule a clientContent is part of the initial history: it starts no reply; its turnComplete ends the history.</summary>
    public bool Seeds(string kind, JsonElement body)
    {
        if (!Model.HistoryOnlyAtStart || kind != "clientContent")
        {
            return false;
        }

        HistoryOpen = !body.IsTrue("turnComplete");
        return true;
    }
}
