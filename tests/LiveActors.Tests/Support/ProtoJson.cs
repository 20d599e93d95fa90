using System.Globalization;
using System.Text.Json;

namespace LiveActors.Tests.Support;

/// <summary>
/// Equality of JSON as protobuf's JSON mapping means it (what a server or client may send for the same message):
/// members in any order, a null member the same as an absent one, numbers by value, an int64 as a string or a number,
/// a Duration as <c>"0.500s"</c> or <c>"0.5s"</c>.
/// </summary>
internal static class ProtoJson
{
    /// <summary>The path of the first difference between the two, or null when they mean the same.</summary>
    public static string? FirstDifference(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind == JsonValueKind.Object && actual.ValueKind == JsonValueKind.Object)
        {
            var left = Members(expected);
            var right = Members(actual);
            foreach (var name in left.Keys.Union(right.Keys, StringComparer.Ordinal))
            {
                if (!left.TryGetValue(name, out var a) || !right.TryGetValue(name, out var b))
                {
                    return $"{path}.{name} ({(left.ContainsKey(name) ? "missing" : "extra")})";
                }

                if (FirstDifference(a, b, $"{path}.{name}") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        if (expected.ValueKind == JsonValueKind.Array && actual.ValueKind == JsonValueKind.Array)
        {
            if (expected.GetArrayLength() != actual.GetArrayLength())
            {
                return $"{path} (length {expected.GetArrayLength()} vs {actual.GetArrayLength()})";
            }

            var i = 0;
            foreach (var (a, b) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
            {
                if (FirstDifference(a, b, $"{path}[{i++}]") is { } inner)
                {
                    return inner;
                }
            }

            return null;
        }

        return SameScalar(expected, actual) ? null : $"{path} ({expected.GetRawText()} vs {actual.GetRawText()})";
    }

    private static Dictionary<string, JsonElement> Members(JsonElement element)
    {
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            if (member.Value.ValueKind != JsonValueKind.Null)
            {
                members[member.Name] = member.Value; // the last of a repeated name wins, as parsers do
            }
        }

        return members;
    }

    private static bool SameScalar(JsonElement a, JsonElement b) => (a.ValueKind, b.ValueKind) switch
    {
        (JsonValueKind.Number or JsonValueKind.String, JsonValueKind.Number or JsonValueKind.String) when Number(a) is { } x && Number(b) is { } y => x == y,
        (JsonValueKind.String, JsonValueKind.String) when Duration(a) is { } x && Duration(b) is { } y => x == y,
        (JsonValueKind.String, JsonValueKind.String) => a.GetString() == b.GetString(),
        _ => a.ValueKind == b.ValueKind && a.ValueKind is JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null,
    };

    private static decimal? Number(JsonElement element) =>
        decimal.TryParse(element.ValueKind == JsonValueKind.String ? element.GetString() : element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : null;

    private static decimal? Duration(JsonElement element) =>
        element.GetString() is { Length: > 1 } text && text.EndsWith('s')
        && decimal.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;
}
