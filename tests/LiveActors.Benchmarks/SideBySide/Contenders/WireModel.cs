using System.Text.Json.Serialization;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

// The server messages a hand-written client models: only the members it acts on, as a careful author would write them
// (source-generated System.Text.Json, nothing kept that is not read). Independent of LiveActors' own protocol records.

/// <summary>One server message, as the hand-written contenders read it.</summary>
internal sealed record WireServerMessage(
    WireSetupComplete? SetupComplete,
    WireServerContent? ServerContent,
    WireResumptionUpdate? SessionResumptionUpdate);

/// <summary>The empty answer to setup.</summary>
internal sealed record WireSetupComplete;

/// <summary>Model output and turn markers.</summary>
internal sealed record WireServerContent(WireContent? ModelTurn, bool? TurnComplete);

/// <summary>A chunk of the model's turn.</summary>
internal sealed record WireContent(IReadOnlyList<WirePart>? Parts);

/// <summary>Text or inline audio.</summary>
internal sealed record WirePart(string? Text, WireBlob? InlineData);

/// <summary>Base64 bytes on the wire, decoded by the serializer.</summary>
internal sealed record WireBlob(string? MimeType, byte[]? Data);

/// <summary>A new resumption handle.</summary>
internal sealed record WireResumptionUpdate(string? NewHandle, bool? Resumable);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(WireServerMessage))]
internal sealed partial class WireJsonContext : JsonSerializerContext;
