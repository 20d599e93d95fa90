namespace LiveActors.Protocol;

/// <summary>The model asks the client to call functions; answer each id with a <see cref="ToolResponse"/>.</summary>
public sealed record ToolCall : WireObject
{
    /// <summary>The calls, possibly several.</summary>
    public IReadOnlyList<FunctionCall>? FunctionCalls { get; init; }
}
