using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision.Delivery;

/// <summary>
/// What became of every client message of a session: numbered when accepted, queued or handed to the connection, kept
/// until the server shows it has it (the <see cref="DeliveryTracking"/> its resumption allows), and after a drop sent
/// again or reported as uncertain; the reply each one may have caused; and how far every message is done, for a keeper.
/// </summary>
/// <remarks>
/// It tells nobody: what a sender must hear comes back as <see cref="SendFailure"/>s, which the session reports, so its rules
/// are tested without an actor. Wraps <see cref="OutboundLedger"/> (the messages) and <see cref="ReplyTracker"/> (the
/// replies, the evidence of delivery).
/// </remarks>
internal sealed class DeliveryDesk
{
    private readonly OutboundLedger _ledger;
    private readonly ReplyTracker _replies;
    private readonly ReplyTracker? _answers; // transparent: which turns a reply answered, audio never taken for a cause
    private readonly SessionResumptionOptions _resumption;
    private readonly HashSet<long> _askedAgain = [];
    private readonly HashSet<long> _toolResponsesHanded = []; // on the current connection: may be on the wire when it ends
    private long _provenThrough = -1; // on the current connection: a reply showed the server has everything up to it
    private long _sequence;
    private long _doneThrough;
    private int _replayed;

    /// <param name="options">The session's options: the outbound limits, resumption and its rules, the setup's activity detection and tools.</param>
    /// <param name="idleEndsInteraction">Whether only IDLE ends an interaction on this model.</param>
    /// <param name="recovered">What an earlier process left: numbering goes on from its last sequence.</param>
    public DeliveryDesk(LiveConnectionOptions options, bool idleEndsInteraction, RecoveredSession? recovered = null)
    {
        _resumption = options.SessionResumption;
        _ledger = new OutboundLedger(
            options.OutboundQueue,
            _resumption switch
            {
                { Enabled: false } => DeliveryTracking.Written,
                { Transparent: true } => DeliveryTracking.Transparent,
                _ => DeliveryTracking.Handle,
            },
            _resumption.UncertainMessages);
        var toolCallsBlock = options.Setup?.Tools?.SelectMany(t => t.FunctionDeclarations ?? []).Any(f => f.Behavior == "NON_BLOCKING") != true;
        _replies = new ReplyTracker(
            automaticActivityDetection: options.Setup?.RealtimeInputConfig?.AutomaticActivityDetection?.Disabled != true, toolCallsBlock)
        {
            IdleEndsInteraction = idleEndsInteraction,
        };
        if (_resumption is { Enabled: true, Transparent: true })
        {
            // The cautious tracker puts a reply down to audio before a turn when activity detection may hear it; whether
            // a turn was answered is the other way round: the turn is the cause, audio is not.
            _answers = new ReplyTracker(automaticActivityDetection: false, toolCallsBlock) { IdleEndsInteraction = idleEndsInteraction };
        }

        if (recovered is not null)
        {
            _sequence = recovered.LastSequence;
            _doneThrough = recovered.Unconfirmed.Count > 0 ? recovered.Unconfirmed[0].Sequence - 1 : recovered.LastSequence;
        }
    }

    /// <summary>Messages waiting to be written.</summary>
    public int PendingCount => _ledger.PendingCount;

    /// <summary>The wire bytes of the messages waiting to be written.</summary>
    public long PendingBytes => _ledger.PendingBytes;

    /// <summary>Written messages the server has not confirmed.</summary>
    public int UnconfirmedCount => _ledger.UnconfirmedCount;

    /// <summary>Messages handed to the current connection and not confirmed: a handover waits for them.</summary>
    public int OnConnection => _ledger.OnConnection;

    /// <summary>Nothing waits and nothing is unconfirmed.</summary>
    public bool IsEmpty => _ledger.IsEmpty;

    /// <summary>A reply streams: a connection that ends now cuts it.</summary>
    public bool ReplyInProgress => _replies.InProgress;

    /// <summary>The parts of the last server message that belonged to no open turn (not applied to the next one).</summary>
    public StrayFrames Stray => _replies.Stray;

    /// <summary>Only IDLE ends an interaction: the model reports interaction status.</summary>
    public bool IdleEndsInteraction => _replies.IdleEndsInteraction;

    /// <summary>The server reports interaction status: from now on only IDLE ends an interaction.</summary>
    public void InteractionStatusReported()
    {
        _replies.IdleEndsInteraction = true;
        if (_answers is not null)
        {
            _answers.IdleEndsInteraction = true;
        }
    }

    /// <summary>Why a message of <paramref name="size"/> bytes cannot be accepted now; null when it can.</summary>
    public BufferFull? Refusal(long size) => _ledger.Refusal(size);

    /// <summary>An accepted message, with the next sequence number.</summary>
    public OutboundMessage Accept(ClientMessage message, IActorRef sender, long size, object? correlation) =>
        new(++_sequence, message, sender, size, correlation);

    /// <summary>An accepted message waits for the next connection.</summary>
    public void Queue(OutboundMessage message) => _ledger.Queue(message);

    /// <summary>An accepted message goes straight onto the current connection; <see cref="Handed"/> follows.</summary>
    public void PutOnConnection(OutboundMessage message) => _ledger.Hand(message);

    /// <summary>A connection is ready: what waited goes onto it, in order, each followed by <see cref="Handed"/>.</summary>
    public IReadOnlyList<OutboundMessage> StartConnection(int handshakeMessages)
    {
        _replies.StartConnection();
        _answers?.StartConnection();
        _toolResponsesHanded.Clear();
        _provenThrough = -1;
        return _ledger.StartConnection(handshakeMessages);
    }

    /// <summary>A message was handed to the connection: a candidate cause of the next reply.</summary>
    public void Handed(OutboundMessage message)
    {
        _replies.Handed(message);
        _answers?.Handed(message);
        if (message.Message is ToolResponse)
        {
            _toolResponsesHanded.Add(message.Sequence);
        }
    }

    /// <summary>Every message up to <paramref name="sequence"/> is written; returns the written ones let go past the limits.</summary>
    public IReadOnlyList<SendFailure> Written(long sequence)
    {
        _ledger.Written(sequence);
        return TakeLetGo();
    }

    /// <summary>The socket refused <paramref name="message"/>: it is forgotten, as its sender will be told.</summary>
    public void Rejected(OutboundMessage message)
    {
        _ledger.Rejected(message);
        _replies.Rejected(message);
        _answers?.Rejected(message);
        _toolResponsesHanded.Remove(message.Sequence);
    }

    /// <summary>A server message: a reply proves what caused it. Returns the written ones let go past the limits.</summary>
    public IReadOnlyList<SendFailure> ServerSent(ServerMessage message)
    {
        if (_answers?.ServerSent(message) is { } answered)
        {
            _ledger.Answered(answered);
        }

        if (_replies.ServerSent(message) is not { } proven)
        {
            return [];
        }

        _provenThrough = Math.Max(_provenThrough, proven);
        _ledger.Proven(proven); // evidence first: a handle in the same message covers it
        return TakeLetGo();
    }

    /// <summary>A resumable handle arrived, with the server's last consumed index when it gave one.</summary>
    public void HandleReceived(long? consumed)
    {
        _ledger.HandleReceived();
        if (consumed is { } index)
        {
            _ledger.Consumed(index); // the index speaks for the state behind this handle, so only with one
        }
    }

    /// <summary>
    /// After a socket ended with <paramref name="cause"/>: messages that may or may not have reached the server are
    /// reported; the rest (and, with transparent resumption, everything the server had not consumed) goes back to the
    /// front of the queue, in order. With transparent resumption a turn the server consumed that no reply answered is
    /// reported, never sent again. An answer to calls the connection took never goes again as a toolResponse: one that
    /// was written (or was being written) may have reached the server, so it is reported uncertain, never failed; one
    /// that never left goes as text, or is reported lost.
    /// </summary>
    public IReadOnlyList<SendFailure> Settle(long lastWritten, OutboundMessage? inFlight, ConnectionError cause, ToolCallPlanner calls)
    {
        var settlement = _ledger.ConnectionEnded(lastWritten, inFlight, m => calls.AnswersLost(m.Message));
        _replayed += settlement.Replayed;
        var failures = settlement.Uncertain.Select(m => new SendFailure(m, new DeliveryUncertain(cause))).ToList();
        var writtenThrough = Math.Max(lastWritten, _provenThrough);
        for (var i = settlement.Excluded.Count - 1; i >= 0; i--)
        {
            var message = settlement.Excluded[i];
            if (MayHaveLeft(message, writtenThrough, inFlight))
            {
                failures.Add(new SendFailure(message, new DeliveryUncertain(cause)));
            }
            else if (calls.Rescue((ToolResponse)message.Message, out var lost) is { } text)
            {
                _ledger.QueueFirst(message with { Message = text, Size = ClientMessageSize.Of(text) });
            }
            else
            {
                failures.Add(new SendFailure(message, lost!));
            }
        }

        _toolResponsesHanded.Clear();
        return failures;
    }

    /// <summary>The socket closed as asked, everything up to <paramref name="lastWritten"/> written.</summary>
    public void ClosedGracefully(long lastWritten) => _ledger.ClosedGracefully(lastWritten);

    /// <summary>
    /// A connection ended: the reply it cut, if one streamed. With
    /// <paramref name="askAgain"/>, the turn it answered goes again first on the next connection, once (never a
    /// toolResponse: the resumed session would not know its call).
    /// </summary>
    public CutReply? CutReply(bool askAgain)
    {
        if (!_replies.InProgress)
        {
            return null;
        }

        var turn = _replies.Current;
        var again = askAgain && turn is { Message: not ToolResponse } && _askedAgain.Add(turn.Sequence);
        if (again && !_ledger.ResendIfHeld(turn!.Sequence))
        {
            var copy = turn with { Sequence = ++_sequence, Sender = ActorRefs.Nobody };
            _askedAgain.Add(copy.Sequence);
            _ledger.QueueFirst(copy); // confirmed already: the session's own copy, ahead of anything queued
        }

        return new CutReply(_replies.CurrentSequence, turn?.Correlation, again);
    }

    /// <summary>How many messages were queued again for the next connection since the last call.</summary>
    public int TakeReplayed()
    {
        var replayed = _replayed;
        _replayed = 0;
        return replayed;
    }

    /// <summary>
    /// What an earlier process left unconfirmed: each goes again, when the uncertain-messages rule says so and
    /// <paramref name="resumable"/>, or is reported uncertain.
    /// </summary>
    public IReadOnlyList<SendFailure> Recover(IReadOnlyList<HeldMessage> unconfirmed, bool resumable)
    {
        var stopped = new ConnectionFailed("the process stopped before the server showed it had the message.");
        var failures = new List<SendFailure>();
        foreach (var held in unconfirmed)
        {
            var message = new OutboundMessage(held.Sequence, held.Message, ActorRefs.Nobody, ClientMessageSize.Of(held.Message), held.Correlation);
            var resend = _resumption.UncertainMessages switch
            {
                UncertainDelivery.ResendAll => true,
                UncertainDelivery.ResendRealtimeAudio => held.Message is RealtimeInput { Audio: not null },
                _ => false,
            };
            if (resend && resumable)
            {
                _ledger.Queue(message);
            }
            else
            {
                failures.Add(new SendFailure(message, new DeliveryUncertain(stopped)));
            }
        }

        return failures;
    }

    /// <summary>Every message is done through this sequence (confirmed, or reported) when that moved since the last call; else null.</summary>
    public long? DoneThroughMoved()
    {
        var doneThrough = (_ledger.LowestHeld ?? _sequence + 1) - 1;
        if (doneThrough <= _doneThrough)
        {
            return null;
        }

        _doneThrough = doneThrough;
        return doneThrough;
    }

    /// <summary>The session is over: every message still held, for its sender to hear why.</summary>
    public IReadOnlyList<OutboundMessage> TakeAll() => _ledger.TakeAll();

    /// <summary>
    /// Whether a tool response may have reached the server on the connection that ended: handed to it and written, being
    /// written, or before a message a reply proved. Only one that never left is known to be missing there.
    /// </summary>
    private bool MayHaveLeft(OutboundMessage message, long writtenThrough, OutboundMessage? inFlight) =>
        _toolResponsesHanded.Contains(message.Sequence) && (message.Sequence <= writtenThrough || message.Sequence == inFlight?.Sequence);

    private List<SendFailure> TakeLetGo() =>
        [.. _ledger.TakeLetGo().Select(m => new SendFailure(m, new DeliveryUncertain(new BufferFull(_ledger.UnconfirmedCount, _ledger.UnconfirmedBytes))))];
}

/// <summary>A message its sender must hear about: it failed with <paramref name="Error"/>.</summary>
internal readonly record struct SendFailure(OutboundMessage Message, ConnectionError Error);

/// <summary>A reply a dropped connection cut: the turn it answered (when known), and whether that turn goes again.</summary>
internal sealed record CutReply(long? Sequence, object? Correlation, bool AskedAgain);
