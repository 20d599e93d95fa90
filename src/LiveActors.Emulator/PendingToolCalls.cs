using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>The tool calls the scripted model awaits answers to, by id: a toolResponse answers them, an interruption takes them all.</summary>
internal sealed class PendingToolCalls
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, TaskCompletionSource<string>> _pending = new(StringComparer.Ordinal);

    /// <summary>Completes with the response (its JSON text) to the call with this id.</summary>
    public Task<string> Await(string id)
    {
        var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _pending[id] = answer;
        }

        return answer.Task;
    }

    /// <summary>Answers each pending call a toolResponse's functionResponses name (<c>{}</c> when it carries no response); others are ignored.</summary>
    public void Answer(JsonElement toolResponse)
    {
        if (!toolResponse.TryGetField("functionResponses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var response in responses.EnumerateArray())
        {
            if (response.GetString("id") is not { } id)
            {
                continue;
            }

            TaskCompletionSource<string>? pending;
            lock (_gate)
            {
                _pending.Remove(id, out pending);
            }

            pending?.TrySetResult(response.TryGetField("response", out var value) ? value.GetRawText() : "{}");
        }
    }

    /// <summary>Forgets every pending call and returns their ids (the awaiting reply is cancelled on its own).</summary>
    public string[] TakeAll()
    {
        lock (_gate)
        {
            string[] ids = [.. _pending.Keys];
            _pending.Clear();
            return ids;
        }
    }
}
