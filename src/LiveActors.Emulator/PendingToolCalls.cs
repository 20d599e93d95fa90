using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// The tool calls the scripted model awaits answers to, by id. A BLOCKING call holds its reply until a toolResponse
/// answers it, and an interruption takes it; a NON_BLOCKING call outlives its reply, and its answer prompts a reply of
/// its own as its scheduling says (PROTOCOL.md §3.6).
/// </summary>
internal sealed class PendingToolCalls
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<string>> _blocking = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Name, int Turn)> _nonBlocking = new(StringComparer.Ordinal);
    private readonly HashSet<string> _dropped = new(StringComparer.Ordinal);

    /// <summary>A BLOCKING call: completes with the response (its JSON text) to the call with this id.</summary>
    public Task<string> Await(string id)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _blocking[id] = answer;
        }

        return answer.Task;
    }

    /// <summary>A NON_BLOCKING call made in turn <paramref name="turn"/>, answered later by <see cref="Answer"/>.</summary>
    public void Track(string id, string name, int turn)
    {
        lock (_gate)
        {
            _nonBlocking[id] = (name, turn);
        }
    }

    /// <summary>
    /// Answers each call a toolResponse's functionResponses name (<c>{}</c> when one carries no response) and says what
    /// became of each: a BLOCKING call's reply goes on, a NON_BLOCKING one's answer is scheduled, any other is ignored.
    /// </summary>
    public IReadOnlyList<ToolAnswer> Answer(JsonElement toolResponse)
    {
        if (!toolResponse.TryGetField("functionResponses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var answers = new List<ToolAnswer>();
        foreach (var response in responses.EnumerateArray())
        {
            var id = response.GetString("id") ?? "";
            var scheduling = response.GetString("scheduling");
            var text = response.TryGetField("response", out var value) ? value.GetRawText() : "{}";
            TaskCompletionSource<string>? blocking;
            (string Name, int Turn) call;
            bool nonBlocking, dropped;
            lock (_gate)
            {
                _blocking.Remove(id, out blocking);
                nonBlocking = _nonBlocking.Remove(id, out call);
                dropped = _dropped.Remove(id);
            }

            var outcome = blocking is not null ? ToolResponseOutcome.AnsweredBlocking
                : nonBlocking ? Scheduled(scheduling)
                : dropped ? ToolResponseOutcome.CancelledSilently
                : ToolResponseOutcome.Unknown;
            blocking?.TrySetResult(text);
            answers.Add(new ToolAnswer(new ToolResponseRecord(id, scheduling, outcome), nonBlocking ? call.Name : "", call.Turn, text));
        }

        return answers;
    }

    /// <summary>
    /// New input took the BLOCKING calls: returns their ids and forgets them (the awaiting reply is cancelled on its own).
    /// Taken <paramref name="silently"/>, a later answer to one is recorded as <see cref="ToolResponseOutcome.CancelledSilently"/>.
    /// </summary>
    public string[] TakeBlocking(bool silently)
    {
        lock (_gate)
        {
            string[] ids = [.. _blocking.Keys];
            _blocking.Clear();
            if (silently)
            {
                _dropped.UnionWith(ids);
            }

            return ids;
        }
    }

    private static ToolResponseOutcome Scheduled(string? scheduling) => scheduling switch
    {
        "SILENT" => ToolResponseOutcome.Silent,
        "INTERRUPT" => ToolResponseOutcome.Interrupt,
        _ => ToolResponseOutcome.WhenIdle,
    };
}

/// <summary>One function response as the model took it, with what a scheduled reply needs: the call's name and turn, and the response.</summary>
internal sealed record ToolAnswer(ToolResponseRecord Record, string Name, int Turn, string Response);
