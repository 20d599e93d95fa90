using System.Buffers;
using System.Text;
using System.Text.Json;
using LiveActors.Errors;

namespace LiveActors.Protocol;

/// <summary>
/// The brief text of a Live API record for logs and debuggers: its JSON as it would go on the wire, with only the
/// members that are set, long strings (base64 audio, signatures) shown by length, resumption handles by fingerprint
/// and secret-shaped tokens in other strings masked (<see cref="TextRedaction"/>), so no secret and no kilobytes of
/// media reach a log line.
/// </summary>
internal static class WireText
{
    /// <summary>Strings longer than this are shown as their length only.</summary>
    public const int LongestString = 80;

    private static readonly JsonWriterOptions Compact = new() { Indented = false, MaxDepth = LiveJsonContext.MaxDepth + 8 };

    /// <summary>The record's brief JSON, or its type name when the JSON cannot be written; it never throws.</summary>
    public static string Of(WireObject value)
    {
        if (LiveJsonContext.Default.GetTypeInfo(value.GetType()) is not { } typeInfo)
        {
            return value.GetType().Name;
        }

        try
        {
            using var document = JsonSerializer.SerializeToDocument(value, typeInfo);
            var buffer = new ArrayBufferWriter<byte>();
            using (var writer = new Utf8JsonWriter(buffer, Compact))
            {
                Write(writer, document.RootElement);
            }

            return Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            // ArgumentException: a double a caller set to NaN or infinity, which JSON cannot hold. A log line must
            // never throw, so the record is named instead.
            return value.GetType().Name;
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in element.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    if (IsHandle(member.Name) && member.Value.ValueKind == JsonValueKind.String)
                    {
                        writer.WriteStringValue(HandleFingerprint.Of(member.Value.GetString()));
                    }
                    else
                    {
                        Write(writer, member.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String when element.GetString() is { } text:
                // Short texts may be a server's error message or a reason that echoes a handle or a key.
                writer.WriteStringValue(text.Length > LongestString ? $"({text.Length} chars)" : TextRedaction.Redact(text));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    private static bool IsHandle(string name) => name is "newHandle" or "handle";
}
