using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator.Tests;

public sealed class ConnectionLedgerTests
{
    [Fact]
    public void Messages_are_recorded_in_order_and_the_session_consumes_only_real_ones_after_setup()
    {
        var (record, stats, ledger) = New();
        var session = new SessionState();
        ledger.Serves(session);

        ledger.ReceivedFirst("setup", "{}");
        ledger.Received("clientContent", "{\"clientContent\":{}}");
        ledger.Received(null, "{\"odd\":{}}");
        ledger.ReceivedNotJson("x");

        Assert.Equal([(-1, "setup"), (0, "clientContent"), (1, "(unknown)"), (2, "(invalid json)")], record.Messages.Select(m => (m.Index, m.Kind)));
        Assert.Equal(["clientContent"], session.Log.Select(m => m.Kind));
        Assert.Equal(2, ledger.ClientMessages); // setup and what is not JSON are not counted
        Assert.Equal(3, stats.MessagesReceived);
    }

    [Fact]
    public void Server_messages_count_on_the_record_and_the_stats_and_after_setup_only_when_they_say_so()
    {
        var (record, stats, ledger) = New();

        ledger.Sent(new OutboundFrame(new byte[10], CountsAfterSetup: false));
        ledger.Sent(new OutboundFrame(new byte[5], PreSerialized: true));

        Assert.Equal(2, record.ServerMessagesSent);
        Assert.Equal(1, ledger.ServerMessagesAfterSetup);
        Assert.Equal((2L, 1L, 15L), (stats.MessagesSent, stats.PreSerializedSent, stats.BytesSent));
    }

    [Fact]
    public async Task The_first_violation_and_the_first_end_stay()
    {
        var (record, _, ledger) = New();

        ledger.Violated("first");
        ledger.Violated("second");
        ledger.End(new ConnectionEnd(ConnectionEndKind.Dropped));
        ledger.End(new ConnectionEnd(ConnectionEndKind.EmulatorStopped));

        Assert.Equal("first", record.Violation);
        Assert.Equal(ConnectionEndKind.Dropped, (await record.Ended).Kind);
    }

    private static (ConnectionRecord, EmulatorStats, ConnectionLedger) New()
    {
        var record = new ConnectionRecord(1, "/ws", new Dictionary<string, string>(), "HTTP/1.1");
        var stats = new EmulatorStats();
        return (record, stats, new ConnectionLedger(record, stats));
    }
}
