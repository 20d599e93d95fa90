using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>
/// Compile-time JSON metadata for every Live API record: no reflection at run time, camelCase names, nulls left out,
/// int64 accepted as string or number, doubles only when finite (<see cref="FiniteDoubleConverter"/>), nesting bounded.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    MaxDepth = MaxDepth,
    Converters = [typeof(FiniteDoubleConverter)])]
[JsonSerializable(typeof(ServerMessage))]
[JsonSerializable(typeof(ClientMessageEnvelope))]
internal sealed partial class LiveJsonContext : JsonSerializerContext
{
    /// <summary>The deepest nesting a frame may have; deeper frames are protocol errors, not stack overflows.</summary>
    public const int MaxDepth = 64;
}
