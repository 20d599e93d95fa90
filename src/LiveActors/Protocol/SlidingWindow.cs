using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>Sliding-window compression: keep the newest turns up to a target size.</summary>
public sealed record SlidingWindow : WireObject
{
    /// <summary>The size to compress down to, in tokens (int64: a JSON string on the wire); default triggerTokens / 2.</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? TargetTokens { get; init; }
}
