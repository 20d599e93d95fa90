namespace LiveActors.Protocol;

/// <summary>A tool the model may use: declared functions, or a built-in tool switched on with <see cref="EmptyObject"/>.</summary>
public sealed record Tool : WireObject
{
    /// <summary>Functions the client implements.</summary>
    public IReadOnlyList<FunctionDeclaration>? FunctionDeclarations { get; init; }

    /// <summary>Grounding with Google Search.</summary>
    public EmptyObject? GoogleSearch { get; init; }

    /// <summary>Code execution by the service.</summary>
    public EmptyObject? CodeExecution { get; init; }

    /// <summary>Reading URLs named in the conversation.</summary>
    public EmptyObject? UrlContext { get; init; }
}
