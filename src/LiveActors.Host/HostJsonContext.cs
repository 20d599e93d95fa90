using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Host;

/// <summary>Source-generated JSON for the few values the host builds itself (tool declarations and responses).</summary>
[JsonSerializable(typeof(Dictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
[JsonSerializable(typeof(string))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
