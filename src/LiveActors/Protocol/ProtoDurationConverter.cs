using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>Reads and writes <see cref="TimeSpan"/> members in the protobuf Duration form (<c>"1.5s"</c>).</summary>
internal sealed class ProtoDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.HasValueSequence)
        {
            // Escaped or split values never occur for a Duration; fall back to the decoded string.
            return reader.TokenType == JsonTokenType.String && ProtoDuration.TryParse(reader.GetString(), out var decoded)
                ? decoded
                : throw new JsonException("A duration must be a string such as \"1.5s\".");
        }

        return ProtoDuration.TryParse(reader.ValueSpan, out var value)
            ? value
            : throw new JsonException("A duration must be a string such as \"1.5s\".");
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) =>
        writer.WriteStringValue(ProtoDuration.Format(value));
}
