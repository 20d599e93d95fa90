using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// What the emulated model allows mid-session (PROTOCOL.md §5.5), and where the conversation stands with the initial
/// history its setup promised (<c>historyConfig.initialHistoryInClientContent</c>, §3.1): clientContent seeds it, starting
/// no reply, until its turnComplete. Under the early-2026 3.1 rule realtime input before that is 1007, and so is any
/// clientContent after it (or with no history promised).
/// </summary>
internal sealed class FamilyRules
{
    public FamilyRules(EmulatedModel model, bool historyPromised = false)
    {
        Model = model;
        HistoryOpen = historyPromised;
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
        "realtimeInput" when Model.HistoryOnlyAtStart && HistoryOpen => "realtimeInput before the initial history was complete",
        "realtimeInput" when Model.RefusesOldForms && body.TryGetField("mediaChunks", out _) => "realtimeInput.mediaChunks",
        _ => null,
    };

    /// <summary>A clientContent while the promised history is open is part of it: it starts no reply; its turnComplete ends the history.</summary>
    public bool Seeds(string kind, JsonElement body)
    {
        if (!HistoryOpen || kind != "clientContent")
        {
            return false;
        }

        HistoryOpen = !body.IsTrue("turnComplete");
        return true;
    }
}
