using System.Text;
using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>What the scripted model takes from client messages: a turn's text, and the context setup or contextUpdate sets.</summary>
internal static class ClientInput
{
    /// <summary>The text of every part of every turn of a clientContent, run together.</summary>
    public static string TurnText(JsonElement clientContent)
    {
        var text = new StringBuilder();
        if (clientContent.TryGetField("turns", out var turns) && turns.ValueKind == JsonValueKind.Array)
        {
            foreach (var turn in turns.EnumerateArray())
            {
                if (turn.TryGetField("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var part in parts.EnumerateArray())
                    {
                        if (part.TryGetField("text", out var t) && t.ValueKind == JsonValueKind.String)
                        {
                            text.Append(t.GetString());
                        }
                    }
                }
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// The system instruction and tool names setup or a contextUpdate sets, each null when it leaves them as they are: a
    /// tools member (setup's list, or contextUpdate's list in an object, passed as <paramref name="toolsHolder"/>)
    /// replaces the tools, an empty list clearing them.
    /// </summary>
    public static (string? Instruction, IReadOnlyList<string>? Tools) Context(JsonElement body, JsonElement toolsHolder)
    {
        string? instruction = null;
        if (body.TryGetField("systemInstruction", out var system) && system.ValueKind == JsonValueKind.Object
            && system.TryGetField("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            instruction = string.Concat(parts.EnumerateArray().Select(p => p.GetString("text") ?? ""));
        }

        IReadOnlyList<string>? tools = null;
        if (toolsHolder.ValueKind == JsonValueKind.Object && toolsHolder.TryGetField("tools", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var names = new List<string>();
            foreach (var tool in list.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetField("functionDeclarations", out var declarations)
                    && declarations.ValueKind == JsonValueKind.Array)
                {
                    names.AddRange(declarations.EnumerateArray().Select(f => f.GetString("name") ?? ""));
                }
            }

            tools = names;
        }

        return (instruction, tools);
    }
}
