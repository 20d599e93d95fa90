using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Supervision.Delivery;

/// <summary>
/// A server under transparent resumption, stepped by a seeded random order against a <see cref="DeliveryDesk"/>: the
/// client sends (turns and audio), the writer writes, the server consumes in order, sends index updates (each with the
/// state it captures, at any point: right after consuming a turn too), starts replies, its frames reach the client, and
/// the connection drops (frames on the way are lost; the next connection resumes the newest state the client heard of).
/// A turn the server consumed before the reply to the turn before it started cuts that turn short: it gets no reply of its
/// own (the emulator sends a bare interrupted and turnComplete, as for any reply it cuts). At the end it checks every
/// message: in the server's conversation once, or reported; every turn answered, superseded by a later turn in the same
/// conversation, or reported; and once the last update came, nothing unconfirmed and at most one turn still held.
/// </summary>
internal sealed class TransparentServerModel(Random random, DeliveryDesk desk, ToolCallPlanner calls)
{
    private readonly List<OutboundMessage> _all = [];
    private readonly HashSet<long> _reported = [];
    private readonly HashSet<long> _replayedAfterReport = [];
    private readonly HashSet<long> _answered = []; // turns whose reply (or a later turn's) reached the client
    private readonly Dictionary<long, long> _superseded = []; // a turn consumed before its reply started, and the turn that cut it
    private readonly Queue<OutboundMessage> _unwritten = new();
    private readonly Queue<OutboundMessage> _wire = new(); // written, not yet consumed
    private readonly Queue<(ServerMessage? Frame, long? Index, List<long>? State, long Turn)> _toClient = new();
    private List<long> _state = []; // the conversation on this connection
    private List<long> _resumable = []; // the state behind the newest handle the client heard of
    private long _consumedHere;
    private long _pendingTurn = -1; // consumed, reply not started
    private long _lastWritten;
    private int _drops;
    private int _reportedConsumed;
    private int _replayed;

    /// <summary>Runs the race; returns drops, consumed turns reported, messages replayed, messages in the final conversation, turns superseded.</summary>
    public int[] Run(int messages)
    {
        Connect();
        while (_all.Count < messages || _unwritten.Count > 0 || _wire.Count > 0 || _pendingTurn >= 0 || _toClient.Count > 0)
        {
            switch (random.Next(8))
            {
                case 0 when _all.Count < messages:
                    var message = desk.Accept(random.Next(3) == 0 ? RealtimeInput.Pcm(new byte[320]) : ClientContent.UserText("t"), ActorRefs.Nobody, 10, null);
                    _all.Add(message);
                    desk.PutOnConnection(message);
                    desk.Handed(message);
                    _unwritten.Enqueue(message);
                    break;
                case 1 when _unwritten.Count > 0:
                    var written = _unwritten.Dequeue();
                    _lastWritten = written.Sequence;
                    _wire.Enqueue(written);
                    desk.Written(written.Sequence);
                    break;
                case 2 when _wire.Count > 0:
                    var consumed = _wire.Dequeue();
                    _consumedHere++;
                    _state.Add(consumed.Sequence);
                    if (ReplayRule.AwaitsReply(consumed.Message))
                    {
                        if (_pendingTurn >= 0)
                        {
                            // A new turn interrupts the one before it, whose reply never started (as the emulator does: a bare
                            // interrupted and turnComplete, which are no reply): that turn will never be answered on its own.
                            _superseded[_pendingTurn] = consumed.Sequence;
                            _toClient.Enqueue((new ServerMessage { ServerContent = new ServerContent { Interrupted = true } }, null, null, -1));
                            _toClient.Enqueue((new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } }, null, null, -1));
                        }

                        _pendingTurn = consumed.Sequence;
                    }

                    break;
                case 3:
                    _toClient.Enqueue((null, _consumedHere, [.. _state], -1)); // an update: the state now, and the index
                    break;
                case 4 when _pendingTurn >= 0:
                    _toClient.Enqueue((new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("hi", Roles.Model) } }, null, null, _pendingTurn));
                    _toClient.Enqueue((new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } }, null, null, -1));
                    _pendingTurn = -1;
                    break;
                case 5 or 6 when _toClient.Count > 0:
                    Deliver(_toClient.Dequeue());
                    break;
                case 7 when _drops < 6 && random.Next(3) == 0:
                    Drop();
                    break;
            }
        }

        Deliver((null, _consumedHere, [.. _state], -1)); // a last update: everything is consumed and answered
        Assert.Equal(0, desk.UnconfirmedCount);
        Assert.True(desk.OnConnection <= 1, $"{desk.OnConnection} held at the end: only the newest turn may wait for an answer it already had");
        Check();
        return [_drops, _reportedConsumed, _replayed, _state.Count, _superseded.Count];
    }

    private void Deliver((ServerMessage? Frame, long? Index, List<long>? State, long Turn) frame)
    {
        if (frame.Frame is { } message)
        {
            if (frame.Turn >= 0)
            {
                _answered.UnionWith(_all.Where(m => m.Sequence <= frame.Turn).Select(m => m.Sequence));
            }

            desk.ServerSent(message);
            return;
        }

        _resumable = frame.State!;
        desk.HandleReceived(frame.Index);
    }

    private void Drop()
    {
        _drops++;
        var inFlight = _unwritten.Count > 0 && random.Next(2) == 0 ? _unwritten.Peek() : null;
        if (inFlight is not null && random.Next(2) == 0)
        {
            _state.Add(inFlight.Sequence); // the half-written message reached the server, and it consumed it
            _consumedHere++;
        }

        foreach (var failure in desk.Settle(_lastWritten, inFlight, new ConnectionFailed("dropped"), calls))
        {
            Assert.IsType<DeliveryUncertain>(failure.Error);
            Assert.True(_reported.Add(failure.Message.Sequence), $"{failure.Message.Sequence} reported twice");
            _reportedConsumed += _state.Contains(failure.Message.Sequence) && ReplayRule.AwaitsReply(failure.Message.Message) ? 1 : 0;
        }

        _replayed += desk.TakeReplayed();
        _unwritten.Clear();
        _wire.Clear();
        _toClient.Clear(); // frames on the way are lost with the connection
        _state = [.. _resumable];
        foreach (var (turn, by) in _superseded.Where(s => !_state.Contains(s.Value)).ToList())
        {
            _superseded.Remove(turn); // the turn that cut it is not in the resumed conversation
        }

        Connect();
    }

    private void Connect()
    {
        _consumedHere = 0;
        _pendingTurn = -1;
        _lastWritten = 0;
        foreach (var message in desk.StartConnection(handshakeMessages: 1))
        {
            if (_reported.Contains(message.Sequence))
            {
                _replayedAfterReport.Add(message.Sequence);
            }

            desk.Handed(message);
            _unwritten.Enqueue(message);
        }

        _toClient.Enqueue((null, 0, [.. _state], -1)); // the update right after setupComplete: index 0, the setup
    }

    private void Check()
    {
        Assert.Empty(_replayedAfterReport);
        Assert.Equal(_state.Count, _state.Distinct().Count()); // nothing went twice into the conversation
        foreach (var message in _all)
        {
            var sequence = message.Sequence;
            Assert.True(_state.Contains(sequence) || _reported.Contains(sequence), $"{sequence} was lost silently");
            if (ReplayRule.AwaitsReply(message.Message))
            {
                Assert.True(
                    _answered.Contains(sequence) || _reported.Contains(sequence) || _superseded.ContainsKey(sequence),
                    $"turn {sequence} was neither answered, nor superseded by a later turn, nor reported");
            }
        }
    }
}
