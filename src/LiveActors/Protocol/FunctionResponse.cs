using System.Text.Json;

namespace LiveActors.Protocol;

/// <summary>The client's answer to a <see cref="FunctionCall"/>.</summary>
public sealed record FunctionResponse : WireObject
{
    /// <summary>The id of the call being answered (required by the Gemini API).</summary>
    public string? Id { get; init; }

    /// <summary>The function's name.</summary>
    public string? Name { get; init; }

    /// <summary>The result, a JSON object; by convention <c>{"output": ...}</c> or <c>{"error": ...}</c>.</summary>
    public JsonElement? Response { get; init; }

    /// <summary>For NON_BLOCKING functions: one of <see cref="FunctionResponseScheduling"/>; the service's default is WHEN_IDLE.</summary>
    public string? Scheduling { get; init; }

    /// <summary>Gemini API only: more responses for this call will follow (a generator-style function).</summary>
    public bool? WillContinue { get; init; }

    /// <summary>Media the function returns beside <see cref="Response"/>, for example an image.</summary>
    public IReadOnlyList<FunctionResponsePart>? Parts { get; init; }
}
