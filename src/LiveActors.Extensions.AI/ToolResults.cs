using System.Buffers;
using System.Text.Json;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;

namespace LiveActors.Extensions.AI;

/// <summary>
/// MEAI function results as Live API <c>functionResponse</c>s (docs/live-api.md 3.4): the response is a JSON object, so a
/// result that is one goes as it is, any other value as <c>{"output": value}</c>, and a failed call as
/// <c>{"error": message}</c>.
/// </summary>
internal static class ToolResults
{
    /// <summary>The Live API response to call <paramref name="result"/>.<c>CallId</c>, of function <paramref name="name"/>.</summary>
    public static FunctionResponse ToFunctionResponse(FunctionResultContent result, string? name) => new()
    {
        Id = result.CallId,
        Name = name,
        Response = result.Exception is { } failure ? Wrapped("error", failure.Message) : Response(result.Result),
    };

    private static JsonElement Response(object? result) => result switch
    {
        JsonElement { ValueKind: JsonValueKind.Object } element => element,
        JsonElement element => Wrapped("output", element),
        string text => Wrapped("output", text),
        null => Wrapped("output", null),
        var other => Response(JsonSerializer.SerializeToElement(other, AIJsonUtilities.DefaultOptions.GetTypeInfo(other.GetType()))),
    };

    private static JsonElement Wrapped(string member, object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WritePropertyName(member);
            switch (value)
            {
                case JsonElement element:
                    element.WriteTo(writer);
                    break;
                case string text:
                    writer.WriteStringValue(text);
                    break;
                default:
                    writer.WriteNullValue();
                    break;
            }

            writer.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}
