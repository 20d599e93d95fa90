using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Supervision.Turns;

/// <summary>
/// The tool calls of a session across its connections: which the model waits on, what becomes of a response to a call
/// lost with an earlier connection (with <c>lost-tool-results = as-text</c> it goes as a user turn the model can still
/// use, otherwise it is refused), and which calls a dropped connection takes with it.
/// </summary>
/// <param name="rules">The model's rules: the form a user turn takes, the default behaviour of a function, what new input does to a BLOCKING call.</param>
/// <param name="lostToolResults">What becomes of results for lost calls.</param>
/// <param name="tools">The tools the setup declares: the behaviour each function asks for.</param>
internal sealed class ToolCallPlanner(ModelRules rules, LostToolResults lostToolResults, IReadOnlyList<Tool>? tools = null)
{
    private readonly ToolCallBook _book = new();
    private readonly Dictionary<string, string> _declared = (tools ?? []).SelectMany(tool => tool.FunctionDeclarations ?? [])
        .Where(declaration => declaration is { Name: not null, Behavior: not null })
        .GroupBy(declaration => declaration.Name!, StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.Last().Behavior!, StringComparer.Ordinal);

    /// <summary>The model waits on a call: a handover or a passivation would lose it.</summary>
    public bool AnyPending => _book.AnyPending;

    /// <summary>Whether <paramref name="response"/> answers a call the model waits on (so it belongs on the connection that knows the call).</summary>
    public bool AnswersPending(ToolResponse response) => _book.AnswersPending(response);

    /// <summary>A server message: the calls it asks for are pending, those it cancels are not.</summary>
    public void ServerSent(ServerMessage message)
    {
        foreach (var call in message.ToolCall?.FunctionCalls ?? [])
        {
            if (call.Id is { } id)
            {
                _book.Called(id, call.Name);
            }
        }

        foreach (var id in message.ToolCallCancellation?.Ids ?? [])
        {
            _book.Cancelled(id);
        }
    }

    /// <summary>
    /// A client message is accepted: what goes to the server for it. A response to lost calls goes as text, or is
    /// refused (null, with <paramref name="refusal"/>); a response to pending calls answers them.
    /// </summary>
    public ClientMessage? Admit(ClientMessage message, out ToolCallLost? refusal)
    {
        refusal = null;
        if (message is not ToolResponse response)
        {
            return message;
        }

        var lost = _book.LostIn(response);
        if (lost.Count == 0)
        {
            _book.Answered(response);
            return message;
        }

        if (AsText(response) is { } text)
        {
            return text;
        }

        refusal = new ToolCallLost(lost);
        return null;
    }

    /// <summary>
    /// <paramref name="accepted"/> goes to the server: when it is new input (not a tool response) and the model cancels
    /// pending BLOCKING calls silently on new input, the event that says which calls it may have cancelled; else null.
    /// </summary>
    public ToolCallPossiblyCancelled? InputWhilePending(ClientMessage accepted) =>
        accepted is not ToolResponse && rules.Profile.BlockingCallOnInput == BlockingCallOnInput.SilentCancel
        && _book.InputWhilePending(IsBlocking) is { Count: > 0 } ids
            ? new ToolCallPossiblyCancelled(ids)
            : null;

    /// <summary>Whether <paramref name="response"/> answers a call new input may have cancelled: no reply is awaited for it.</summary>
    public bool AnswersPossiblyCancelled(ToolResponse response) => _book.AnswersPossiblyCancelled(response);

    /// <summary>Whether a call of <paramref name="function"/> is BLOCKING: as declared, else the profile's default.</summary>
    private bool IsBlocking(string? function) =>
        function is not null && _declared.TryGetValue(function, out var behavior)
            ? string.Equals(behavior, "BLOCKING", StringComparison.OrdinalIgnoreCase)
            : rules.Profile.DefaultFunctionBehavior == FunctionBehavior.Blocking;

    /// <summary>Whether <paramref name="message"/> answers a call lost with a connection, so must not go again as it is.</summary>
    public bool AnswersLost(ClientMessage message) => _book.LostIn(message).Count > 0;

    /// <summary>
    /// An answer to lost calls that was held for the next connection: its text form to send instead, or the error its
    /// sender hears when results are not sent as text.
    /// </summary>
    public ClientMessage? Rescue(ToolResponse response, out ToolCallLost? refusal)
    {
        var text = AsText(response);
        refusal = text is null ? new ToolCallLost(_book.LostIn(response)) : null;
        return text;
    }

    /// <summary>
    /// The connection ended: the resumed session will not know its calls (the server issues no handle while calls are
    /// pending), so those the model waited on are reported cancelled; null when none were.
    /// </summary>
    public ToolCallCancelled? ConnectionEnded()
    {
        if (_book.ConnectionEnded() is not { Count: > 0 } pending)
        {
            return null;
        }

        var cancellation = new ToolCallCancellation { Ids = pending };
        return new ToolCallCancelled(new ServerMessage { ToolCallCancellation = cancellation }, cancellation) { ByConnection = true };
    }

    /// <summary>With lost-tool-results = as-text, the results as a user turn the model can still use (in the form it takes); else null.</summary>
    private ClientMessage? AsText(ToolResponse response)
    {
        if (lostToolResults != LostToolResults.AsText)
        {
            return null;
        }

        var lines = (response.FunctionResponses ?? []).Select(r =>
            $"The result of {r.Name ?? (r.Id is { } id ? _book.NameOfLost(id) : null) ?? "a tool"}, called before the connection was lost: " +
            (r.Response?.GetRawText() ?? "{}"));
        return rules.UserText(string.Join(Environment.NewLine, lines));
    }
}
