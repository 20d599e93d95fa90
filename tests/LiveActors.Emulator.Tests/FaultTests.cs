using System.Net;
using System.Net.WebSockets;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Emulator.Tests;

public sealed class FaultTests
{
    [Fact]
    public async Task RejectUpgrade_refuses_with_the_status_once_and_the_next_connection_is_served()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503));
        using var refused = new ClientWebSocket();
        refused.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(new Uri(emulator.BaseAddress, Paths.GeminiV1Beta + "?key=test-key"), CancellationToken.None));
        await using var accepted = await WireClient.ConnectAsync(emulator);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Equal(new ConnectionEnd(ConnectionEndKind.Rejected, 503, "The service is currently unavailable."), await emulator.Connections[0].Ended);
        Assert.Equal("setupComplete", (await accepted.SetupAsync()).Kind);
    }

    [Fact]
    public async Task HangUpgrade_never_answers_the_upgrade()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.HangUpgrade);
        using var socket = new ClientWebSocket();
        using var giveUp = new CancellationTokenSource();

        var connect = socket.ConnectAsync(new Uri(emulator.BaseAddress, Paths.GeminiV1Beta + "?key=test-key"), giveUp.Token);
        var record = await emulator.WaitForConnectionAsync(1).WaitAsync(WireClient.Patience);
        Assert.False(connect.IsCompleted);
        await giveUp.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => connect);
        Assert.Equal(ConnectionEndKind.ClientAborted, (await record.Ended.WaitAsync(WireClient.Patience)).Kind);
    }

    [Fact]
    public async Task IgnoreSetup_reads_setup_but_never_answers_it()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.IgnoreSetup);
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SendAsync($$$"""{"setup":{"model":"{{{Paths.GeminiModel}}}"}}""");
        var record = await emulator.WaitForConnectionAsync(1);
        await record.WaitForMessagesAsync(1, client.Token);

        await client.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "giving up", client.Token);

        // The first thing to come back is the answer to our close: setupComplete never came.
        Assert.Equal(WebSocketMessageType.Close, (await client.ReceiveAsync()).Type);
    }

    [Fact]
    public async Task Drop_ends_the_TCP_connection_without_a_close_frame_after_N_client_messages()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();
        await client.SendTextTurnAsync("one");
        await client.ReceiveTurnAsync();

        await client.SendTextTurnAsync("two");

        var error = await Assert.ThrowsAsync<WebSocketException>(async () =>
        {
            while (true)
            {
                await client.ReceiveAsync();
            }
        });
        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, error.WebSocketErrorCode);
        var record = await emulator.WaitForConnectionAsync(1);
        Assert.Equal(ConnectionEndKind.Dropped, (await record.Ended).Kind);
        Assert.Equal(3, record.Messages.Count);
    }

    [Fact]
    public async Task A_drop_due_on_a_tool_result_sends_nothing_about_it()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        for (var i = 1; i <= 20; i++) // the reply it would resume raced the drop: many tries see a lost race
        {
            emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
            await using var client = await WireClient.ConnectAsync(emulator);
            await client.SetupAsync();
            await client.SendTextTurnAsync("""tool:get_weather {"city":"Paris"}""");
            var id = (await client.ReceiveAsync()).Body.GetProperty("functionCalls")[0].GetProperty("id").GetString();
            var record = await emulator.WaitForConnectionAsync(i);
            var sentBefore = record.ServerMessagesSent;

            await client.SendAsync($$$"""{"toolResponse":{"functionResponses":[{"id":"{{{id}}}","name":"get_weather","response":{"temp":21}}]}}""");

            Assert.Equal(ConnectionEndKind.Dropped, (await record.Ended).Kind);
            Assert.Equal("toolResponse", record.Messages[^1].Kind); // the server has it...
            Assert.Equal(sentBefore, record.ServerMessagesSent); // ...and no reply to it, or update covering it, went out
        }
    }

    [Fact]
    public async Task A_record_drops_its_connection_when_told_and_not_again_once_it_has_ended()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();
        var record = await emulator.WaitForConnectionAsync(1);

        record.Drop();

        var error = await Assert.ThrowsAsync<WebSocketException>(async () =>
        {
            while (true)
            {
                await client.ReceiveAsync();
            }
        });
        Assert.Equal(WebSocketError.ConnectionClosedPrematurely, error.WebSocketErrorCode);
        Assert.Equal(ConnectionEndKind.Dropped, (await record.Ended).Kind);
        record.Drop(); // ended: nothing happens
    }

    [Fact]
    public async Task Close_sends_the_code_and_reason_after_N_client_messages()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.Close(FaultTrigger.AfterClientMessages(1), 1011, "Internal error encountered."));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendAudioAsync(new byte[320]);

        var close = await client.ReceiveAsync();
        Assert.Equal(WebSocketCloseStatus.InternalServerError, close.CloseStatus);
        Assert.Equal("Internal error encountered.", close.CloseReason);
    }

    [Fact]
    public async Task A_fault_can_fire_after_N_server_messages_in_the_middle_of_a_reply()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 3 });
        emulator.ScriptNextConnection(EmulatorFault.Close(FaultTrigger.AfterServerMessages(2), 1011, "mid-reply"));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("hi");

        var received = await client.ReceiveUntilAsync(m => m.Type == WebSocketMessageType.Close);
        Assert.Equal(3, received.Count);
        Assert.Equal("mid-reply", received[^1].CloseReason);
    }

    [Fact]
    public async Task GoAway_announces_the_time_left_then_closes_when_it_has_passed()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = time });
        emulator.ScriptNextConnection(EmulatorFault.GoAway(FaultTrigger.AfterSetup, TimeSpan.FromSeconds(10)));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        Assert.Equal("""{"goAway":{"timeLeft":"10s"}}""", (await client.ReceiveAsync()).Text);
        var closing = client.ReceiveAsync();
        Assert.False(closing.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(10));

        var close = await closing;
        Assert.Equal(WebSocketCloseStatus.InternalServerError, close.CloseStatus);
    }

    [Fact]
    public async Task MalformedFrame_sends_a_binary_frame_that_is_not_json_and_the_session_goes_on()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        emulator.ScriptNextConnection(EmulatorFault.MalformedFrame(FaultTrigger.AfterSetup));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        var malformed = await client.ReceiveAsync();
        await client.SendTextTurnAsync("still there?");

        Assert.Equal(WebSocketMessageType.Binary, malformed.Type);
        Assert.Equal("not json {", malformed.Text);
        Assert.True((await client.ReceiveTurnAsync()).Count > 1);
    }

    [Fact]
    public async Task UnknownKind_sends_a_well_formed_message_of_a_kind_no_client_knows()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.UnknownKind(FaultTrigger.AfterSetup));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        Assert.Equal("""{"emulatorFutureMessage":{"version":2}}""", (await client.ReceiveAsync()).Text);
    }

    [Fact]
    public async Task Fragment_splits_every_server_message_into_frames_of_at_most_N_bytes()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.Fragment(5));
        await using var client = await WireClient.ConnectAsync(emulator);

        var setupComplete = await client.SetupAsync();

        Assert.Equal("""{"setupComplete":{}}""", setupComplete.Text);
        Assert.Equal(4, setupComplete.Frames);
    }

    [Fact]
    public async Task Huge_sends_one_whole_serverContent_message_of_8_MiB()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.Huge(FaultTrigger.AfterSetup));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        var huge = await client.ReceiveAsync();

        Assert.Equal(8 * 1024 * 1024, huge.Payload.Length);
        Assert.Equal("serverContent", huge.Kind);
    }

    [Fact]
    public async Task Silence_answers_nothing_after_setupComplete_not_even_pings()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.Silence);
        await using var client = await WireClient.ConnectAsync(emulator, configure: o =>
        {
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
            o.KeepAliveTimeout = TimeSpan.FromMilliseconds(300);
        });
        await client.SetupAsync();

        // With no pong coming back, the client's own keep-alive aborts the connection (not the test's patience).
        await Assert.ThrowsAnyAsync<Exception>(client.ReceiveAsync);

        Assert.False(client.Token.IsCancellationRequested);
        Assert.Equal(WebSocketState.Aborted, client.Socket.State);
    }

    [Fact]
    public async Task Flood_answers_the_first_turn_with_N_chunks_from_one_pre_serialized_frame()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.Flood(10_000));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("go");
        var turn = await client.ReceiveTurnAsync();

        Assert.Equal(10_002, turn.Count);
        Assert.True(emulator.Stats.PreSerializedSent >= 10_001);
    }

    [Fact]
    public async Task AudioFlood_answers_the_first_turn_with_N_audio_chunks_of_200_ms()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.AudioFlood(100));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("go");
        var turn = await client.ReceiveTurnAsync();

        var audio = turn.Where(m => m.Has("serverContent", "modelTurn")).ToList();
        Assert.Equal(100, audio.Count);
        Assert.All(audio, m => Assert.Equal(9_600, m.Body.GetProperty("modelTurn").GetProperty("parts")[0]
            .GetProperty("inlineData").GetProperty("data").GetBytesFromBase64().Length));
    }

    [Fact]
    public async Task StopReading_leaves_the_clients_sends_backed_up()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.StopReading(FaultTrigger.AfterClientMessages(1)));
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();
        await client.SendAudioAsync(new byte[320]);
        var record = await emulator.WaitForConnectionAsync(1);
        await record.WaitForMessagesAsync(2, client.Token);

        // 64 MiB can't fit in loopback socket buffers: with nobody reading, the send cannot finish.
        // Proving that something does not happen needs a bound: two seconds is ample for 64 MiB over loopback.
        var backedUp = client.SendAsync(new byte[64 * 1024 * 1024], WebSocketMessageType.Binary);

        await Assert.ThrowsAsync<TimeoutException>(() => backedUp.WaitAsync(TimeSpan.FromSeconds(2)));
        Assert.Equal(2, record.Messages.Count);
    }
}
