using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>Compresses the context when it grows past a size, so sessions are not limited in length.</summary>
public sealed record ContextWindowCompression : WireObject
{
    /// <summary>The context size in tokens that triggers compression (int64: a JSON string on the wire).</summary>
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.WriteAsString)]
    public long? TriggerTokens { get; init; }

    /// <summary>Compress by dropping the oldest turns; <c>{}</c> takes the service's defaults.</summary>
    public SlidingWindow? SlidingWindow { get; init; }
}
