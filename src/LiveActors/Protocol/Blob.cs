using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>Inline media: bytes and their MIME type (<c>audio/pcm;rate=16000</c>, <c>image/jpeg</c>, ...). Base64 on the wire.</summary>
public sealed record Blob : WireObject
{
    /// <summary>The MIME type, for example <c>audio/pcm;rate=24000</c>.</summary>
    public string? MimeType { get; init; }

    /// <summary>
    /// The raw bytes (decoded from base64 when received, encoded when sent). Left out when never set, so a
    /// <c>data</c> the reader could not decode, kept raw in <see cref="WireObject.AdditionalProperties"/>, is written
    /// back once, as it came.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ReadOnlyMemory<byte> Data { get; init; }
}
