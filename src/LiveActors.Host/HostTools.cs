using System.Text.Json;
using LiveActors.Protocol;

namespace LiveActors.Host;

/// <summary>
/// The tools the host can declare (<c>--tools echo</c>) and the answer to every tool call: a model that calls a tool waits
/// for its response, so the host answers each call at once, the echo tool with its own arguments and any other with an
/// error the model can read, and never leaves a turn hanging.
/// </summary>
internal static class HostTools
{
    public const string Echo = "echo";

    /// <summary>The declaration sent in setup with <c>--tools echo</c>.</summary>
    public static Tool Declarations { get; } = new()
    {
        FunctionDeclarations =
        [
            new FunctionDeclaration
            {
                Name = Echo,
                Description = "Returns its arguments unchanged.",
                Parameters = JsonSerializer.SerializeToElement(
                    new Dictionary<string, string> { ["type"] = "object" }, HostJsonContext.Default.DictionaryStringString),
            },
        ],
    };

    /// <summary>The response to every call in <paramref name="call"/>; <paramref name="declared"/> says whether echo was declared.</summary>
    public static ToolResponse Answer(ToolCall call, bool declared) => new()
    {
        FunctionResponses = [.. (call.FunctionCalls ?? []).Select(function => new FunctionResponse
        {
            Id = function.Id,
            Name = function.Name,
            Response = declared && function.Name == Echo
                ? Wrap("output", function.Args ?? EmptyArguments)
                : Wrap("error", JsonSerializer.SerializeToElement(
                    $"this host has no tool named {function.Name}; run it with --tools echo for an echo tool", HostJsonContext.Default.String)),
        })],
    };

    private static readonly JsonElement EmptyArguments = JsonDocument.Parse("{}").RootElement.Clone();

    private static JsonElement Wrap(string name, JsonElement value) =>
        JsonSerializer.SerializeToElement(new Dictionary<string, JsonElement> { [name] = value }, HostJsonContext.Default.DictionaryStringJsonElement);
}
