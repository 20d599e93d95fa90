using System.Text.Json;

namespace LiveActors.Protocol;

/// <summary>A call the model asks the client to make.</summary>
public sealed record FunctionCall : WireObject
{
    /// <summary>The call's id; answer with a <see cref="FunctionResponse"/> carrying the same id.</summary>
    public string? Id { get; init; }

    /// <summary>The declared function's name.</summary>
    public string? Name { get; init; }

    /// <summary>The arguments, a JSON object.</summary>
    public JsonElement? Args { get; init; }

    /// <summary>Arguments streamed in pieces before the call is whole (Vertex AI).</summary>
    public IReadOnlyList<PartialArg>? PartialArgs { get; init; }

    /// <summary>More of this call (its streamed arguments) follows in a later message.</summary>
    public bool? WillContinue { get; init; }
}
