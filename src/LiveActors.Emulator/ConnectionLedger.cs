using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator;

/// <summary>
/// The record keeping of one connection: what arrives and what goes out is written to its <see cref="ConnectionRecord"/>
/// (and to the session's log) and to the emulator's <see cref="EmulatorStats"/>, and counted for the fault triggers and
/// held frames that go by those counts.
/// </summary>
internal sealed class ConnectionLedger
{
    private readonly ConnectionRecord _record;
    private readonly EmulatorStats _stats;
    private int _clientMessages;
    private int _serverMessagesAfterSetup;

    public ConnectionLedger(ConnectionRecord record, EmulatorStats stats)
    {
        _record = record;
        _stats = stats;
    }

    /// <summary>Client messages after setup so far.</summary>
    public int ClientMessages => Volatile.Read(ref _clientMessages);

    /// <summary>Server messages after setupComplete so far.</summary>
    public int ServerMessagesAfterSetup => Volatile.Read(ref _serverMessagesAfterSetup);

    /// <summary>The connection serves this session: a fresh one, then a resumed conversation's.</summary>
    public void Serves(SessionState session) => _record.Session = session;

    /// <summary>The model named in setup follows these rules.</summary>
    public void Follows(EmulatedModel model)
    {
        _record.Family = model.Family;
        _record.ServedAs = model.Prefix.Length > 0 ? model.Prefix : null;
    }

    /// <summary>The model took a function response this way.</summary>
    public void Answered(ToolResponseRecord response) => _record.AddToolResponse(response);

    /// <summary>The first message, setup or not: recorded with index -1 and not counted among the client messages.</summary>
    public void ReceivedFirst(string? kind, string json)
    {
        _record.Add(new RecordedMessage(-1, kind ?? "(unknown)", json));
        _stats.Received();
    }

    /// <summary>A later message: recorded, consumed by the session unless it is no message or a second setup, and counted.</summary>
    public void Received(string? kind, string json)
    {
        var recorded = new RecordedMessage(_clientMessages, kind ?? "(unknown)", json);
        _record.Add(recorded);
        if (kind is not (null or "setup"))
        {
            _record.Session?.Append(recorded);
        }

        _stats.Received();
        Interlocked.Increment(ref _clientMessages); // last: whatever goes by this count finds the message in the record and the session
    }

    /// <summary>A message that was not JSON: recorded at the index it would have had, and not counted.</summary>
    public void ReceivedNotJson(string text) => _record.Add(new RecordedMessage(_clientMessages, "(invalid json)", text));

    /// <summary>A server message went out.</summary>
    public void Sent(OutboundFrame frame)
    {
        _record.CountServerMessage();
        _stats.Sent(frame.Bytes.Length, frame.PreSerialized);
        if (frame.CountsAfterSetup)
        {
            Interlocked.Increment(ref _serverMessagesAfterSetup);
        }
    }

    /// <summary>Why the emulated model closed the connection under its family's rules; the first reason stays.</summary>
    public void Violated(string violation) => _record.Violation ??= violation;

    /// <summary>How the connection ended; the first end stays.</summary>
    public void End(ConnectionEnd end) => _record.End(end);
}
