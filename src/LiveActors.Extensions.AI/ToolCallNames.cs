using System.Collections.Concurrent;

namespace LiveActors.Extensions.AI;

/// <summary>
/// The function name of each tool call the model made, by call id: MEAI's <c>FunctionResultContent</c> carries only the
/// id, and a Live API <c>functionResponse</c> names its function too. A call's name is let go once its result is sent.
/// </summary>
internal sealed class ToolCallNames
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.Ordinal);

    /// <summary>The model called <paramref name="name"/> as <paramref name="callId"/>.</summary>
    public void Called(string callId, string name) => _names[callId] = name;

    /// <summary>The name of call <paramref name="callId"/>, once; null when the model made no such call (the server then says so).</summary>
    public string? NameOf(string callId) => _names.TryRemove(callId, out var name) ? name : null;
}
