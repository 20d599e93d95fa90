using System.Text.Json;

namespace LiveActors.Emulator.Wire;

/// <summary>
/// Names a client message by its one top-level member, as the service's parser does: camelCase or snake_case, and
/// anything else (two members, an unknown one, a member that is not an object) is no message at all.
/// </summary>
internal static class ClientMessageKind
{
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["setup"] = "setup",
        ["clientContent"] = "clientContent",
        ["client_content"] = "clientContent",
        ["realtimeInput"] = "realtimeInput",
        ["realtime_input"] = "realtimeInput",
        ["toolResponse"] = "toolResponse",
        ["tool_response"] = "toolResponse",
        ["contextUpdate"] = "contextUpdate",
        ["context_update"] = "contextUpdate",
    };

    /// <summary>The message's kind (in camelCase) when it has exactly one known top-level member, else null.</summary>
    public static string? Of(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? kind = null;
        foreach (var member in root.EnumerateObject())
        {
            if (kind is not null || !Kinds.TryGetValue(member.Name, out kind) || member.Value.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
        }

        return kind;
    }

    /// <summary>The body of a message whose kind <see cref="Of"/> found, under whichever spelling it came.</summary>
    public static JsonElement Body(JsonElement root, string kind) =>
        root.GetProperty(root.EnumerateObject().Select(m => m.Name).First(name => Kinds.TryGetValue(name, out var k) && k == kind));
}
