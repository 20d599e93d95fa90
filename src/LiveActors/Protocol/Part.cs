namespace LiveActors.Protocol;

/// <summary>One part of a <see cref="Content"/>: usually exactly one of its members is set.</summary>
public sealed record Part : WireObject
{
    /// <summary>Text.</summary>
    public string? Text { get; init; }

    /// <summary>True when <see cref="Text"/> is the model's thinking rather than its answer.</summary>
    public bool? Thought { get; init; }

    /// <summary>An opaque signature of the model's thoughts (base64), to send back in later turns.</summary>
    public string? ThoughtSignature { get; init; }

    /// <summary>Inline media, for example a chunk of 24 kHz PCM audio.</summary>
    public Blob? InlineData { get; init; }

    /// <summary>Code the model wrote for the code-execution tool.</summary>
    public ExecutableCode? ExecutableCode { get; init; }

    /// <summary>The result of running <see cref="ExecutableCode"/>.</summary>
    public CodeExecutionResult? CodeExecutionResult { get; init; }

    /// <summary>A function call inside content (rare in Live; calls usually arrive as <see cref="ToolCall"/>).</summary>
    public FunctionCall? FunctionCall { get; init; }

    /// <summary>A function's response inside content (for seeding history).</summary>
    public FunctionResponse? FunctionResponse { get; init; }
}
