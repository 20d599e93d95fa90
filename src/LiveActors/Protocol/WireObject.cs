using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>
/// The base of every Live API message record: it keeps the JSON members LiveActors does not model, so a field the
/// service adds tomorrow is neither lost on the way in nor impossible to send on the way out.
/// </summary>
public abstract record WireObject
{
    private IDictionary<string, JsonElement>? _additionalProperties;

    private protected WireObject()
    {
    }

    /// <summary>JSON members this record does not model, by wire name; null when there are none.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties
    {
        get => _additionalProperties as IReadOnlyDictionary<string, JsonElement>;
        init => _additionalProperties = value is null ? null : new Dictionary<string, JsonElement>(value, StringComparer.Ordinal);
    }

    // The serializer fills and reads unknown members here; an init-only extension-data property cannot be bound by
    // the source generator, so the public view above stays read-only and this one stays internal.
    [JsonExtensionData]
    [JsonInclude]
    internal IDictionary<string, JsonElement>? ExtensionData
    {
        get => _additionalProperties;
        set => _additionalProperties = value;
    }

    /// <summary>
    /// The record as brief JSON: only the members that are set, long strings (base64 media) by their length and
    /// resumption handles by <see cref="HandleFingerprint"/>, so it is safe and short enough for a log line.
    /// </summary>
    public sealed override string ToString() => WireText.Of(this);
}
