namespace LiveActors.Protocol;

/// <summary>
/// Changes the system instruction or the tools mid-session (<c>{"contextUpdate":{...}}</c>, docs/live-api.md 3.5); the
/// server applies it in order with the rest of the input. Either member may be absent.
/// </summary>
public sealed record ContextUpdate : ClientMessage
{
    /// <summary>The new system instruction, or null to keep the current one.</summary>
    public Content? SystemInstruction { get; init; }

    /// <summary>The new tools, or null to keep the current ones; an empty list clears them.</summary>
    public ToolList? Tools { get; init; }

    /// <summary>A new system instruction in text, tools unchanged.</summary>
    public static ContextUpdate Instruction(string text) => new() { SystemInstruction = Content.FromText(text, role: null) };

    /// <summary>Tools that replace the current ones, instruction unchanged.</summary>
    public static ContextUpdate ReplaceTools(params IReadOnlyList<Tool> tools) => new() { Tools = new ToolList { Tools = tools } };

    /// <summary>No tools from now on.</summary>
    public static ContextUpdate ClearTools { get; } = new() { Tools = new ToolList { Tools = [] } };
}
