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
    private Phase _phase;

    /// <summary>The message the streaming reply answers (null when it could not be told), while <see cref="InProgress"/>.</summary>
    public OutboundMessage? Current { get; private set; }

    /// <summary>The sequence of the message the streaming reply was put down to, while <see cref="InProgress"/>.</summary>
    public long? CurrentSequence { get; private set; }

    /// <summary>Whether a reply has started on this connection and the end of its interaction has not come.</summary>
    public bool InProgress => _phase != Phase.Closed;

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
    /// up to it is then proven on this connection), else null. Each frame is matched to the turn it belongs to by the
    /// protocol's order (docs/live-api.md 4.2): a turn is model output (a toolCall among it), then generationComplete,
    /// then turnComplete; interrupted ends the generation in progress, and turnComplete follows it. The end of the
    /// interaction ends the reply (turnComplete, or IDLE with <see cref="IdleEndsInteraction"/>). A frame that belongs
    /// to no open turn is left in <see cref="Stray"/>, and never taken as the start or the end of the next one.
    /// </summary>
    public long? ServerSent(ServerMessage message)
    {
        Stray = StrayFrames.None;
        long? proven = null;
        var content = message.ServerContent;
        var output = content?.ModelTurn is not null;
        var call = message.ToolCall is not null;
        if (output || call)
        {
            proven = Output(call);
        }
        else if (content?.OutputTranscription is not null && _phase == Phase.Paused && IdleEndsInteraction)
        {
            _phase = Phase.Generating; // the model speaks again about the same request
        }

        if (content?.Interrupted == true)
        {
            EndGeneration(StrayFrames.Interrupted, strayWhilePaused: false);
        }

        if (content?.GenerationComplete == true)
        {
            EndGeneration(StrayFrames.GenerationComplete, strayWhilePaused: true);
        }

        if (content?.TurnComplete == true)
        {
            if (_phase == Phase.Closed)
            {
                Stray |= StrayFrames.TurnComplete;
            }
            else if (!IdleEndsInteraction)
            {
                EndReply();
            }
            else
            {
                EndGeneration(StrayFrames.None, strayWhilePaused: false); // the model may speak again: only IDLE ends it
            }
        }

        if (IdleEndsInteraction && InProgress && ReplyEvidence.EndsInteraction(message, idleEndsInteraction: true))
        {
            EndReply();
        }

        return proven;
    }

    /// <summary>The parts of the last server message that belonged to no open turn; <see cref="StrayFrames.None"/> when all did.</summary>
    public StrayFrames Stray { get; private set; }

    /// <summary>Model output (<paramref name="call"/>: a toolCall among it): it starts a reply, goes on with one, or belongs to none.</summary>
    private long? Output(bool call)
    {
        var startsReply = _phase switch
        {
            Phase.Closed => true,
            Phase.Generating => _awaitingToolResponse && !call, // what the model says after a blocking call answers its response
            _ => false,
        };
        if (_phase == Phase.Paused && call && !IdleEndsInteraction)
        {
            Stray |= StrayFrames.ToolCall; // no turn is being generated: the generation ended, its turnComplete is due
            return null;
        }

        long? proven = null;
        if (startsReply)
        {
            if (_phase == Phase.Closed && _candidates.First is null)
            {
                Stray |= call ? StrayFrames.ToolCall : StrayFrames.ModelTurn; // nothing handed since the last reply asked for it
                return null;
            }

            proven = TakeCandidate();
        }

        _phase = Phase.Generating;
        if (call && toolCallsBlock)
        {
            _awaitingToolResponse = true;
        }

        return proven;
    }

    /// <summary>
    /// interrupted or generationComplete: the generation in progress ends, and the turn waits for its turnComplete. With
    /// no turn open it is <paramref name="stray"/>; with one open and no generation in progress, too when
    /// <paramref name="strayWhilePaused"/> (generationComplete comes once per generation, and not after interrupted).
    /// </summary>
    private void EndGeneration(StrayFrames stray, bool strayWhilePaused)
    {
        if (_phase == Phase.Closed || (_phase == Phase.Paused && strayWhilePaused))
        {
            Stray |= stray;
            return;
        }

        _phase = Phase.Paused;
        _awaitingToolResponse = false;
    }

    /// <summary>A reply starts: it is put down to the first candidate, which is then proven on this connection.</summary>
    private long? TakeCandidate()
    {
        _awaitingToolResponse = false;
        if (_candidates.First is not { } first)
        {
            return null; // what the model says after a call before its response was handed: the same reply goes on
        }

        var candidate = first.Value;
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

        return CurrentSequence;
    }

    private void EndReply()
    {
        _phase = Phase.Closed;
        _awaitingToolResponse = false;
        Current = null;
        CurrentSequence = null;
    }

    /// <summary>Where the current turn is: none open, model output streaming, or its generation over and its end awaited.</summary>
    private enum Phase
    {
        Closed,
        Generating,
        Paused,
    }

    /// <summary>Candidates <c>First..Last</c>, consecutive sequences; <c>Message</c> is kept only for a single non-audio one.</summary>
    private sealed class Candidate(long first, long last, OutboundMessage? message)
    {
        public long First { get; set; } = first;

        public long Last { get; set; } = last;

        public OutboundMessage? Message { get; } = message;
    }
}
