using System.Text.Json;

namespace LiveActors.Protocol;

/// <summary>Media a function returns beside its JSON response (<see cref="FunctionResponse.Parts"/>).</summary>
public sealed record FunctionResponsePart : WireObject
{
    /// <summary>Inline media, for example an image.</summary>
    public Blob? InlineData { get; init; }

    /// <summary>Media by reference (a file URI and its type), as the service defines it.</summary>
    public JsonElement? FileData { get; init; }
}
