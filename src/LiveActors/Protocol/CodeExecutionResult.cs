namespace LiveActors.Protocol;

/// <summary>The outcome of running <see cref="ExecutableCode"/>.</summary>
public sealed record CodeExecutionResult : WireObject
{
    /// <summary>For example <c>OUTCOME_OK</c>, <c>OUTCOME_FAILED</c> or <c>OUTCOME_DEADLINE_EXCEEDED</c>.</summary>
    public string? Outcome { get; init; }

    /// <summary>What the code printed, or the error.</summary>
    public string? Output { get; init; }
}
