using LiveActors.Protocol;

namespace LiveActors.Supervision.Turns;

/// <summary>
/// Which tool calls a session's model is waiting on, which were answered on the current connection, and which were lost
/// with an earlier one (by id, with the function's name). One instance per session, used only by its actor (so not
/// thread-safe); it holds nothing until the first call, as most sessions never see one.
/// </summary>
/// <remarks>
/// While a call is pending the server issues no resumable handle, so a connection that ends then takes the call with
/// it: <see cref="ConnectionEnded"/> says which calls the resumed session will not know. Answers given on that connection
/// are lost too, for an answer still held (not confirmed) must not go again as one. The lost are remembered, at most
/// <see cref="LostKept"/> of them (an application answers a call soon or never), so a late answer is recognised.
/// </remarks>
internal sealed class ToolCallBook
{
    /// <summary>How many lost calls are remembered; past it the oldest are forgotten.</summary>
    public const int LostKept = 1024;

    private Dictionary<string, string?>? _pending; // id: function name
    private HashSet<string>? _possiblyCancelled; // pending BLOCKING calls new input may have cancelled, reported once
    private Dictionary<string, string?>? _answered; // on this connection
    private Dictionary<string, string?>? _lost;
    private Queue<string>? _lostOrder;

    /// <summary>Whether the model waits on any call.</summary>
    public bool AnyPending => _pending is { Count: > 0 };

    /// <summary>The server asked for a call.</summary>
    public void Called(string id, string? name) => (_pending ??= new(StringComparer.Ordinal))[id] = name;

    /// <summary>The server cancelled a call.</summary>
    public void Cancelled(string id) => _pending?.Remove(id);

    /// <summary>
    /// New input goes to the server: the pending calls <paramref name="blocking"/> says are BLOCKING, not reported yet,
    /// may be cancelled now; returns them (empty when none).
    /// </summary>
    public IReadOnlyList<string> InputWhilePending(Func<string?, bool> blocking)
    {
        if (_pending is not { Count: > 0 } pending)
        {
            return [];
        }

        List<string>? found = null;
        foreach (var (id, name) in pending)
        {
            if (blocking(name) && (_possiblyCancelled ??= new(StringComparer.Ordinal)).Add(id))
            {
                (found ??= []).Add(id);
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Whether <paramref name="response"/> answers a call that new input may have cancelled.</summary>
    public bool AnswersPossiblyCancelled(ToolResponse response) =>
        _possiblyCancelled is { Count: > 0 } possibly && response.FunctionResponses?.Any(r => r.Id is { } id && possibly.Contains(id)) == true;

    /// <summary>Whether <paramref name="response"/> answers a call the model waits on.</summary>
    public bool AnswersPending(ToolResponse response) =>
        _pending is { Count: > 0 } pending && response.FunctionResponses?.Any(r => r.Id is { } id && pending.ContainsKey(id)) == true;

    /// <summary><paramref name="response"/> goes to the server: the calls it answers are no longer pending.</summary>
    public void Answered(ToolResponse response)
    {
        if (_pending is not { Count: > 0 } pending)
        {
            return;
        }

        foreach (var answer in response.FunctionResponses ?? [])
        {
            if (answer.Id is { } id && pending.Remove(id, out var name))
            {
                (_answered ??= new(StringComparer.Ordinal))[id] = name; // until the connection ends
            }
        }
    }

    /// <summary>The ids of lost calls that <paramref name="message"/> answers; empty for anything else.</summary>
    public IReadOnlyList<string> LostIn(ClientMessage message) => message is ToolResponse { FunctionResponses: { } responses } && _lost is { Count: > 0 } lost
        ? [.. responses.Select(r => r.Id).OfType<string>().Where(lost.ContainsKey)]
        : [];

    /// <summary>The function name of a lost call, if the server gave one.</summary>
    public string? NameOfLost(string id) => _lost?.GetValueOrDefault(id);

    /// <summary>
    /// The connection ended: its pending and answered calls are lost. Returns the ids of those that were pending (the
    /// model waited on them), to be reported cancelled; empty when none were.
    /// </summary>
    public IReadOnlyList<string> ConnectionEnded()
    {
        IReadOnlyList<string> cancelled = _pending is { Count: > 0 } pending ? [.. pending.Keys] : [];
        Lose(_answered);
        Lose(_pending);
        _answered?.Clear();
        _pending?.Clear();
        _possiblyCancelled?.Clear();
        return cancelled;
    }

    private void Lose(Dictionary<string, string?>? calls)
    {
        if (calls is not { Count: > 0 })
        {
            return;
        }

        _lost ??= new(StringComparer.Ordinal);
        _lostOrder ??= new();
        foreach (var (id, name) in calls)
        {
            if (_lost.TryAdd(id, name))
            {
                _lostOrder.Enqueue(id);
            }
        }

        while (_lostOrder.Count > LostKept && _lostOrder.TryDequeue(out var oldest))
        {
            _lost.Remove(oldest);
        }
    }
}
