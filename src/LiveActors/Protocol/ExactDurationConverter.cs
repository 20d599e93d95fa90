using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>Reads and writes <see cref="ExactDuration"/> members in the protobuf Duration form, to the nanosecond.</summary>
internal sealed class ExactDurationConverter : JsonConverter<ExactDuration>
{
    public override ExactDuration Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && !reader.ValueIsEscaped && !reader.HasValueSequence && ExactDuration.TryParse(reader.ValueSpan, out var value))
        {
            return value;
        }

        return reader.TokenType == JsonTokenType.String && ExactDuration.TryParse(System.Text.Encoding.UTF8.GetBytes(reader.GetString() ?? ""), out var decoded)
            ? decoded
            : throw new JsonException("A duration must be a string such as \"1.5s\".");
    }

    public override void Write(Utf8JsonWriter writer, ExactDuration value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
