using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// How a turn asks the emulator's scripted model for a tool: a text turn that starts with <c>tool:NAME</c>, optionally
/// followed by a JSON object of arguments, e.g. <c>tool:get_weather {"city":"Paris"}</c>. The model answers with a
/// toolCall (id <c>call-...</c>, that name and those args). A BLOCKING call holds the reply until the matching
/// toolResponse, which it then answers with <c>Turn N: NAME returned RESPONSE</c>; a NON_BLOCKING one (the 3.8 default)
/// ends the turn at once, and its answer gets that reply as its scheduling says (PROTOCOL.md §3.6).
/// </summary>
public static class ToolConvention
{
    /// <summary>The prefix that asks for a tool.</summary>
    public const string Prefix = "tool:";

    /// <summary>The help text of the convention, as printed by <c>--tool-prompt-help</c>.</summary>
    public const string Help =
        "A text turn that starts with 'tool:NAME' asks for a tool, optionally followed by a JSON object of arguments:\n" +
        "  tool:get_weather {\"city\":\"Paris\"}\n" +
        "The emulator sends a toolCall with an id 'call-...', that name and those args. A BLOCKING call (the default on\n" +
        "2.5 and 3.1, or declared) waits for a toolResponse with the same id, then answers 'Turn N: NAME returned RESPONSE';\n" +
        "new input while it waits cancels it (interrupted, then toolCallCancellation; on 3.8 silently, with no\n" +
        "toolCallCancellation, and a later answer gets no reply). A NON_BLOCKING call (the 3.8 default) ends the turn at\n" +
        "once; its answer gets that reply after the current output (WHEN_IDLE, the default), at once (INTERRUPT) or not\n" +
        "at all (SILENT).";

    internal static bool TryParse(string prompt, [NotNullWhen(true)] out string? name, [NotNullWhen(true)] out JsonDocument? args)
    {
        name = null;
        args = null;
        var text = prompt.Trim();
        if (!text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text[Prefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        name = space < 0 ? rest : rest[..space];
        var json = space < 0 ? "{}" : rest[(space + 1)..].Trim();
        try
        {
            args = JsonDocument.Parse(json.Length == 0 ? "{}" : json);
        }
        catch (JsonException)
        {
            args = JsonDocument.Parse("{}");
        }

        return name.Length > 0;
    }
}
