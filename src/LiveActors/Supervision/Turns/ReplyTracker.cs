using LiveActors.Protocol;
using LiveActors.Transport;

namespace LiveActors.Supervision.Turns;

/// <summary>
/// Which client message each reply on the current connection answers, and whether one is streaming now: the
/// evidence for confirmation (docs/live-api.md 5.3) and the turn a cut reply names. Each reply is put down to the first
/// message, handed since the last one matched, that may cause a reply; that is the cautious choice, as the real
/// cause is that one or a later one. One per session, used only by its supervisor.
/// </summary>
/// <remarks>
/// <para>Audio under automatic activity detection may cause a reply, so every chunk is a candidate: runs of them are
/// kept as one entry (first and last sequence), so hours of audio cost one entry per run, not one per chunk.</para>
/// <para>A reply that asks for a tool waits for the answer (unless a function is NON_BLOCKING): what the model says
/// after the toolCall answers the toolResponse, so it is put down to the next candidate, as a reply of its own.</para>
/// </remarks>
internal sealed class ReplyTracker(bool automaticActivityDetection, bool toolCallsBlock = true)
{
    private readonly LinkedList<Candidate> _candidates = new();
    private long _lastHanded = -1;
    private bool _awaitingToolResponse;

    /// <summary>The message the streaming reply answers (null when it could not be told), while <see cref="InProgress"/>.</summary>
    public OutboundMessage? Current { get; private set; }

    /// <summary>The sequence of the message the streaming reply was put down to, while <see cref="InProgress"/>.</summary>
    public long? CurrentSequence { get; private set; }

    /// <summary>Whether a reply has started on this connection and the end of its interaction has not come.</summary>
    public bool InProgress { get; private set; }

    /// <summary>
    /// Whether only interactionStatus IDLE ends a reply (the model reports it, and may complete several turns per
    /// request: what it says after a turnComplete still answers the same message), rather than turnComplete.
    /// </summary>
    public bool IdleEndsInteraction { get; set; }

    /// <summary>A new connection: nothing on it is answered yet.</summary>
    public void StartConnection()
    {
        _candidates.Clear();
        _lastHanded = -1;
        EndReply();
    }

    /// <summary>A message was handed to the current connection, behind everything handed before it.</summary>
    public void Handed(OutboundMessage message)
    {
        var follows = message.Sequence == _lastHanded + 1;
        _lastHanded = message.Sequence;
        if (!ReplyEvidence.MayCauseReply(message.Message, automaticActivityDetection))
        {
            return;
        }

        var audio = message.Message is RealtimeInput { Audio: not null };
        if (audio && follows && _candidates.Last is { Value: { Message: null, Last: var last } run } && last == message.Sequence - 1)
        {
            run.Last = message.Sequence;
            return;
        }

        _candidates.AddLast(new Candidate(message.Sequence, message.Sequence, audio ? null : message));
    }

    /// <summary>The connection never took this message (its queue was full).</summary>
    public void Rejected(OutboundMessage message)
    {
        for (var node = _candidates.First; node is not null; node = node.Next)
        {
            var candidate = node.Value;
            if (message.Sequence < candidate.First || message.Sequence > candidate.Last)
            {
                continue;
            }

            if (candidate.First == candidate.Last)
            {
                _candidates.Remove(node);
            }
            else if (message.Sequence == candidate.First)
            {
                candidate.First++;
            }
            else if (message.Sequence == candidate.Last)
            {
                candidate.Last--;
            }
            else
            {
                _candidates.AddAfter(node, new Candidate(message.Sequence + 1, candidate.Last, null));
                candidate.Last = message.Sequence - 1;
            }

            return;
        }
    }

    /// <summary>
    /// A server message arrived: the sequence of the message a reply that starts with it is put down to (everything
    /// up to it is then proven on this connection), else null. The end of the interaction ends the reply (turnComplete,
    /// or IDLE with <see cref="IdleEndsInteraction"/>); interrupted does not, since turnComplete follows it.
    /// </summary>
    public long? ServerSent(ServerMessage message)
    {
        if (!ReplyEvidence.IsReply(message))
        {
            if (InProgress && ReplyEvidence.EndsInteraction(message, IdleEndsInteraction))
            {
                EndReply(); // IDLE on a message of its own
            }

            return null;
        }

        long? proven = null;
        if (!InProgress || (_awaitingToolResponse && message.ToolCall is null))
        {
            InProgress = true;
            _awaitingToolResponse = false;
            if (_candidates.First is { } first)
            {
                var candidate = first.Value;
                proven = candidate.First;
                CurrentSequence = candidate.First;
                Current = candidate.First == candidate.Last ? candidate.Message : null;
                if (candidate.First == candidate.Last)
                {
                    _candidates.RemoveFirst();
                }
                else
                {
                    candidate.First++;
                }
            }
        }

        if (message.ToolCall is not null && toolCallsBlock)
        {
            _awaitingToolResponse = true;
        }

        if (ReplyEvidence.EndsInteraction(message, IdleEndsInteraction))
        {
            EndReply();
        }

        return proven;
    }

    private void EndReply()
    {
        InProgress = false;
        _awaitingToolResponse = false;
        Current = null;
        CurrentSequence = null;
    }

    /// <summary>Candidates <c>First..Last</c>, consecutive sequences; <c>Message</c> is kept only for a single non-audio one.</summary>
    private sealed class Candidate(long first, long last, OutboundMessage? message)
    {
        public long First { get; set; } = first;

        public long Last { get; set; } = last;

        public OutboundMessage? Message { get; } = message;
    }
}
