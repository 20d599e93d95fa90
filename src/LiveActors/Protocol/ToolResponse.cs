namespace LiveActors.Protocol;

/// <summary>The client's answers to a <see cref="ToolCall"/> (<c>{"toolResponse":{...}}</c>); answer every id.</summary>
public sealed record ToolResponse : ClientMessage
{
    /// <summary>One response per answered call.</summary>
    public IReadOnlyList<FunctionResponse>? FunctionResponses { get; init; }
}
