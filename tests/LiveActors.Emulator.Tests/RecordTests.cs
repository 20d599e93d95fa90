using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

public sealed class RecordTests
{
    [Fact]
    public async Task Every_connection_is_recorded_with_path_redacted_headers_messages_in_order_and_its_end()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ApiKey = "secret-key-123", ReplyChunks = 1 });
        var arriving = emulator.WaitForConnectionAsync(1);
        await using var client = await WireClient.ConnectAsync(emulator, query: null, configure: o =>
        {
            o.SetRequestHeader("x-goog-api-key", "secret-key-123");
            o.SetRequestHeader("x-goog-api-client", "liveactors-test/1");
        });
        await client.SetupAsync();
        await client.SendAudioAsync(new byte[320]);
        await client.SendTextTurnAsync("hi");
        var turn = await client.ReceiveTurnAsync();
        await client.CloseAsync();

        var record = await arriving;
        Assert.Equal(1, record.Number);
        Assert.Equal(Paths.GeminiV1Beta, record.Path);
        Assert.Equal("(redacted)", record.Headers["x-goog-api-key"]);
        Assert.Equal("liveactors-test/1", record.Headers["x-goog-api-client"]);
        Assert.DoesNotContain(record.Headers.Values, v => v.Contains("secret-key-123", StringComparison.Ordinal));
        Assert.Equal([(-1, "setup"), (0, "realtimeInput"), (1, "clientContent")], record.Messages.Select(m => (m.Index, m.Kind)));
        Assert.Contains("\"hi\"", record.Messages[2].Json, StringComparison.Ordinal);
        Assert.Equal(new ConnectionEnd(ConnectionEndKind.ClientClosed, 1000, "bye"), await record.Ended);
        Assert.Equal(1 + turn.Count, record.ServerMessagesSent);
    }

    [Fact]
    public async Task A_key_in_the_query_string_is_not_kept_because_the_path_is_recorded_without_it()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator, query: "key=test-key");

        var record = await emulator.WaitForConnectionAsync(1);

        Assert.DoesNotContain("test-key", record.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(record.Headers.Values, v => v.Contains("test-key", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Awaiting_messages_that_never_come_fails_as_soon_as_the_connection_ends()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();
        var record = await emulator.WaitForConnectionAsync(1);
        var waiting = record.WaitForMessagesAsync(5, client.Token);

        await client.CloseAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => waiting);
    }

    [Fact]
    public async Task Stats_count_messages_and_bytes_both_ways()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 2 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();
        await client.SendTextTurnAsync("count me");
        var turn = await client.ReceiveTurnAsync();

        Assert.Equal(2, emulator.Stats.MessagesReceived);
        Assert.Equal(1 + turn.Count, emulator.Stats.MessagesSent);
        Assert.Equal(20 + turn.Sum(m => m.Payload.Length), emulator.Stats.BytesSent);
    }
}
