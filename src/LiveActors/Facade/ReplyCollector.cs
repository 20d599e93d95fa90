using static LiveActors.Live;

namespace LiveActors.Facade;

/// <summary>
/// Gathers the reply to one Send from a session's events, as they come: the events of its answer up to what ends it
/// (<see cref="LiveReplyEnd"/>), leaving out other sends' outcomes, and starting over when the session asks again after
/// a cut. Not thread-safe.
/// </summary>
/// <param name="sequence">The Send's sequence.</param>
/// <param name="answersCall">
/// The Send answers a tool call and asks for a reply: the end of the call's own turn, which on a NON_BLOCKING call
/// (3.8's default) may come after the call and before any of the answer's output, is not the answer's end.
/// </param>
internal sealed class ReplyCollector(long sequence, bool answersCall = false)
{
    private readonly List<Event> _answer = [];
    private bool _output;
    private bool _callTurnEnded;

    /// <summary>Takes the next event: the whole reply when it ends the answer, else null.</summary>
    public LiveReply? Take(Event @event)
    {
        if (@event is SendFailed failed && failed.Sequence != sequence)
        {
            return null; // another send's outcome
        }

        _output |= @event is ModelTurnReceived or TranscriptionReceived { Source: TranscriptionSource.Output } or ToolCallReceived;
        if (answersCall && !_output && !_callTurnEnded && @event is InteractionCompleted)
        {
            _callTurnEnded = true; // the call's turn ending, not the answer's
            _answer.Clear();
            return null;
        }

        _answer.Add(@event);
        if (EndOf(@event) is { } end)
        {
            return new LiveReply(sequence, end, _answer);
        }

        if (@event is ReplyCut { AskedAgain: true })
        {
            _answer.Clear(); // the session asks again: the answer starts over
        }

        return null;
    }

    /// <summary>The events ran out before the answer ended: the reply so far, ended with the session.</summary>
    public LiveReply SessionEnded() => new(sequence, LiveReplyEnd.SessionEnded, _answer);

    private LiveReplyEnd? EndOf(Event @event) => @event switch
    {
        InteractionCompleted => LiveReplyEnd.Completed,
        ToolCallReceived => LiveReplyEnd.ToolCall,
        ReplyCut { AskedAgain: false } => LiveReplyEnd.Cut,
        SendFailed failed when failed.Sequence == sequence => LiveReplyEnd.NotDelivered,
        Closed or GaveUp => LiveReplyEnd.SessionEnded,
        _ => null,
    };
}
