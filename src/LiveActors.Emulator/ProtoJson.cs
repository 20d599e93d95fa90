using System.Text;
using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>Reads client JSON as the service's proto3-JSON parser does: a field by its lowerCamelCase name or its snake_case proto name.</summary>
internal static class ProtoJson
{
    public static bool TryGetField(this JsonElement element, string jsonName, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object
            && (element.TryGetProperty(jsonName, out value) || element.TryGetProperty(SnakeCase(jsonName), out value));
    }

    public static bool IsTrue(this JsonElement element, string jsonName) =>
        element.TryGetField(jsonName, out var value) && value.ValueKind == JsonValueKind.True;

    public static string? GetString(this JsonElement element, string jsonName) =>
        element.TryGetField(jsonName, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string SnakeCase(string camel)
    {
        var snake = new StringBuilder(camel.Length + 4);
        foreach (var c in camel)
        {
            if (char.IsUpper(c))
            {
                snake.Append('_').Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }
}
