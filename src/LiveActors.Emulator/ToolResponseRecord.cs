namespace LiveActors.Emulator;

/// <summary>One function response the emulated model received, and what it did with it (see <see cref="ConnectionRecord.ToolResponses"/>).</summary>
/// <param name="Id">The call's id, as the response gave it (empty when it gave none).</param>
/// <param name="Scheduling">The response's <c>scheduling</c>, when it had one.</param>
/// <param name="Outcome">What the model did with it.</param>
public sealed record ToolResponseRecord(string Id, string? Scheduling, ToolResponseOutcome Outcome);

/// <summary>What the emulated model did with a function response (PROTOCOL.md §3.6).</summary>
public enum ToolResponseOutcome
{
    /// <summary>It answered a pending BLOCKING call: the reply that waited for it goes on.</summary>
    AnsweredBlocking,

    /// <summary>A NON_BLOCKING call's answer with scheduling SILENT: added to the context, no reply.</summary>
    Silent,

    /// <summary>A NON_BLOCKING call's answer with WHEN_IDLE (or no scheduling): a reply after the current output.</summary>
    WhenIdle,

    /// <summary>A NON_BLOCKING call's answer with INTERRUPT: the current output is cut and a reply starts at once.</summary>
    Interrupt,

    /// <summary>It answered a BLOCKING call that new input had cancelled with no toolCallCancellation (3.8): recorded, no reply.</summary>
    CancelledSilently,

    /// <summary>It named no pending call (unknown, already answered, or cancelled with toolCallCancellation): ignored.</summary>
    Unknown,
}
