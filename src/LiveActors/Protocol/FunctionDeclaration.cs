using System.Text.Json;

namespace LiveActors.Protocol;

/// <summary>A function the model may call.</summary>
public sealed record FunctionDeclaration : WireObject
{
    /// <summary>The function's name.</summary>
    public string? Name { get; init; }

    /// <summary>What the function does, for the model.</summary>
    public string? Description { get; init; }

    /// <summary>The parameters as an OpenAPI-style schema object (<c>{"type":"OBJECT","properties":{...}}</c>).</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary><c>BLOCKING</c> (default) or <c>NON_BLOCKING</c>.</summary>
    public string? Behavior { get; init; }
}
