using System.Buffers;
using System.Text;
using System.Text.Json;

namespace LiveActors.Tests.Protocol;

/// <summary>
/// Sample frames rewritten with numbers no double or long holds: every number becomes an edge number (or a string that
/// a lenient reader could take for one), and every object gains a member with one, so free-form JSON (function call
/// args, unknown members) carries them too.
/// </summary>
internal static class EdgeNumberFrames
{
    /// <summary>Numbers that are valid JSON but do not fit, or fit only as something else: past double, past long, negative zero.</summary>
    public static readonly string[] Edges =
    [
        "1e400", "-1e400", "1e-400", "-0", "-0.0", "0e0", "9223372036854775808", "-9223372036854775809",
        "18446744073709551616", "2147483648", "-2147483649", "123456789012345678901234567890.5", "1.7976931348623157e309",
        "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"1e400\"", "\"-0\"",
    ];

    /// <summary>The corpus: every server sample, every client sample and every malformed one, by name.</summary>
    public static IReadOnlyList<(string Name, byte[] Frame)> Corpus { get; } =
        [.. new[] { "server", "client", "malformed" }
            .SelectMany(folder => Directory.GetFiles(RepositoryPaths.Sample(folder)).Order(StringComparer.Ordinal))
            .Select(path => (Path.GetFileName(path), File.ReadAllBytes(path)))];

    /// <summary>
    /// <paramref name="frame"/> with each number replaced by an edge number chosen by <paramref name="pick"/>, and (with
    /// <paramref name="addMembers"/>) a member <c>edgeNumber</c> added to each object; a frame that is not JSON comes back as it is.
    /// </summary>
    public static byte[] Rewrite(byte[] frame, Func<string> pick, bool addMembers)
    {
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            var reader = new Utf8JsonReader(frame, new JsonReaderOptions { MaxDepth = 4096 });
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = 4096, SkipValidation = true });
            while (reader.Read())
            {
                Copy(ref reader, writer, pick, addMembers);
            }
        }
        catch (JsonException)
        {
            return frame;
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Text(byte[] frame) => Encoding.UTF8.GetString(frame);

    private static void Copy(ref Utf8JsonReader reader, Utf8JsonWriter writer, Func<string> pick, bool addMembers)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                writer.WriteStartObject();
                if (addMembers)
                {
                    writer.WritePropertyName("edgeNumber");
                    writer.WriteRawValue(pick(), skipInputValidation: true);
                }

                break;
            case JsonTokenType.EndObject: writer.WriteEndObject(); break;
            case JsonTokenType.StartArray: writer.WriteStartArray(); break;
            case JsonTokenType.EndArray: writer.WriteEndArray(); break;
            case JsonTokenType.PropertyName: writer.WritePropertyName(reader.GetString()!); break;
            case JsonTokenType.Number: writer.WriteRawValue(pick(), skipInputValidation: true); break;
            case JsonTokenType.String: writer.WriteStringValue(reader.GetString()); break;
            case JsonTokenType.True: writer.WriteBooleanValue(true); break;
            case JsonTokenType.False: writer.WriteBooleanValue(false); break;
            case JsonTokenType.Null: writer.WriteNullValue(); break;
        }
    }
}
