namespace LiveActors.Protocol;

/// <summary>How much the model thinks before it answers.</summary>
public sealed record ThinkingConfig : WireObject
{
    /// <summary>Return the model's thoughts as parts with <see cref="Part.Thought"/> set.</summary>
    public bool? IncludeThoughts { get; init; }

    /// <summary>A token budget for thinking: 0 turns it off, -1 lets the model decide.</summary>
    public int? ThinkingBudget { get; init; }

    /// <summary><c>MINIMAL</c>, <c>LOW</c>, <c>MEDIUM</c> or <c>HIGH</c>, for models that take a level instead of a budget.</summary>
    public string? ThinkingLevel { get; init; }
}
