using System.Net.WebSockets;
using System.Text.Json;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Emulator.Tests;

public sealed class ResumptionTests
{
    [Fact]
    public async Task Setup_asking_for_resumption_gets_a_fresh_resumable_handle_after_setupComplete_and_after_every_turn()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);

        Assert.Equal("setupComplete", (await client.SetupAsync(sessionResumption: "{}")).Kind);
        var first = (await client.ReceiveAsync()).Body;
        await client.SendTextTurnAsync("hi");
        await client.ReceiveTurnAsync();
        var second = (await client.ReceiveAsync()).Body;

        Assert.True(first.GetProperty("resumable").GetBoolean());
        Assert.True(second.GetProperty("resumable").GetBoolean());
        Assert.NotEqual(first.GetProperty("newHandle").GetString(), second.GetProperty("newHandle").GetString());
        Assert.False(second.TryGetProperty("lastConsumedClientMessageIndex", out _));
    }

    [Fact]
    public async Task Without_resumption_in_setup_no_updates_are_sent()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync();

        await client.SendTextTurnAsync("hi");
        await client.ReceiveTurnAsync();
        await client.SendTextTurnAsync("again");
        var next = await client.ReceiveAsync();

        Assert.Equal("serverContent", next.Kind);
    }

    [Fact]
    public async Task The_session_log_of_a_resumed_connection_holds_what_the_handle_captured_then_what_arrived_there()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var handle = await HandleAfterFirstTurnAsync(emulator, thenSend: "lost: after the handle");

        await using var resumed = await WireClient.ConnectAsync(emulator);
        await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""");
        await resumed.ReceiveAsync();
        await resumed.SendTextTurnAsync("two");
        await resumed.ReceiveTurnAsync();

        var firstRecord = await emulator.WaitForConnectionAsync(1);
        var secondRecord = await emulator.WaitForConnectionAsync(2);
        Assert.Equal(["one", "lost: after the handle"], firstRecord.SessionMessages.Select(Text));
        Assert.Equal(["one", "two"], secondRecord.SessionMessages.Select(Text));
    }

    [Fact]
    public async Task Poisoned_handles_close_every_resume_with_1011_on_its_first_input_while_a_fresh_session_behaves()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var handle = await HandleAfterFirstTurnAsync(emulator);
        emulator.PoisonResumptionHandles();

        for (var i = 0; i < 2; i++)
        {
            await using var resumed = await WireClient.ConnectAsync(emulator);
            Assert.Equal("setupComplete", (await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""")).Kind);
            await resumed.SendTextTurnAsync("two");
            var received = await resumed.ReceiveUntilAsync(m => m.Type == WebSocketMessageType.Close);
            Assert.Equal((WebSocketCloseStatus)1011, received[^1].CloseStatus);
            Assert.Equal("The service is currently unavailable.", received[^1].CloseReason);
            Assert.DoesNotContain(received, m => m.Has("serverContent", "turnComplete"));
        }

        await using var fresh = await WireClient.ConnectAsync(emulator);
        await fresh.SetupAsync(sessionResumption: "{}");
        await fresh.SendTextTurnAsync("three");
        await fresh.ReceiveTurnAsync();
        var poisoned = await emulator.WaitForConnectionAsync(2);
        Assert.Equal(1011, (await poisoned.Ended).CloseCode);
        Assert.Equal("two", Text(poisoned.Messages[^1]));
    }

    /// <summary>
    /// Opens a resumable session, holds the turn "one" and returns the handle issued after it; <paramref name="thenSend"/>
    /// is a further turn on the same connection, after the handle, before the connection closes.
    /// </summary>
    private static async Task<string> HandleAfterFirstTurnAsync(LiveEmulator emulator, string? thenSend = null)
    {
        await using var first = await WireClient.ConnectAsync(emulator);
        await first.SetupAsync(sessionResumption: "{}");
        await first.ReceiveAsync();
        await first.SendTextTurnAsync("one");
        await first.ReceiveTurnAsync();
        var handle = (await first.ReceiveAsync()).Body.GetProperty("newHandle").GetString()!;
        if (thenSend is not null)
        {
            await first.SendTextTurnAsync(thenSend);
            await first.ReceiveTurnAsync();
        }

        return handle;
    }

    private static string Text(RecordedMessage message) =>
        JsonDocument.Parse(message.Json).RootElement.GetProperty("clientContent").GetProperty("turns")[0].GetProperty("parts")[0].GetProperty("text").GetString()!;

    [Fact]
    public async Task A_resumed_connection_continues_the_same_conversation()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        var handle = await HandleAfterFirstTurnAsync(emulator);

        await using var resumed = await WireClient.ConnectAsync(emulator);
        Assert.Equal("setupComplete", (await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""")).Kind);
        await resumed.ReceiveAsync();
        await resumed.SendTextTurnAsync("two");
        var turn = await resumed.ReceiveTurnAsync();

        Assert.Equal("Turn 2: you said \"two\"", turn[0].Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_handle_resumes_the_conversation_as_it_stood_when_the_handle_was_issued()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        string before;
        await using (var first = await WireClient.ConnectAsync(emulator))
        {
            await first.SetupAsync(sessionResumption: "{}");
            before = (await first.ReceiveAsync()).Body.GetProperty("newHandle").GetString()!;
            await first.SendTextTurnAsync("one");
            await first.ReceiveTurnAsync();
        }

        await using var resumed = await WireClient.ConnectAsync(emulator);
        await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{before}}"}""");
        await resumed.ReceiveAsync();
        await resumed.SendTextTurnAsync("again");
        var turn = await resumed.ReceiveTurnAsync();

        Assert.Equal("Turn 1: you said \"again\"", turn[0].Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_unknown_handle_is_refused_with_1008_session_not_found()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await using var client = await WireClient.ConnectAsync(emulator);

        var close = await client.SetupAsync(sessionResumption: """{"handle":"Cjunknown"}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal("BidiGenerateContent session not found", close.CloseReason);
    }

    [Fact]
    public async Task A_handle_past_its_lifetime_is_refused_like_an_unknown_one()
    {
        var time = new FakeTimeProvider();
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Time = time, HandleLifetime = TimeSpan.FromHours(2) });
        var handle = await FirstHandleAsync(emulator);
        time.Advance(TimeSpan.FromHours(2));
        await using var client = await WireClient.ConnectAsync(emulator);

        var close = await client.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""");

        Assert.Equal("BidiGenerateContent session not found", close.CloseReason);
    }

    [Fact]
    public async Task ExpireResumptionHandles_makes_every_handle_so_far_unknown()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var handle = await FirstHandleAsync(emulator);
        emulator.ExpireResumptionHandles();
        await using var client = await WireClient.ConnectAsync(emulator);

        var close = await client.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
    }

    [Fact]
    public async Task Transparent_mode_counts_setup_as_0_and_the_first_message_after_it_as_1_and_reports_the_index_as_an_int64_string()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator, Paths.VertexV1Beta1, query: null,
            configure: o => o.SetRequestHeader("Authorization", "Bearer test-token"));
        await client.SetupAsync(Paths.VertexModel, sessionResumption: """{"transparent":true}""");
        var afterSetup = (await client.ReceiveAsync()).Body;

        await client.SendAudioAsync(new byte[320]);
        await client.SendTextTurnAsync("setup was 0, the audio 1, this is 2");
        await client.ReceiveTurnAsync();
        var update = (await client.ReceiveAsync()).Body;

        Assert.Equal("0", afterSetup.GetProperty("lastConsumedClientMessageIndex").GetString());
        Assert.Equal(JsonValueKind.String, update.GetProperty("lastConsumedClientMessageIndex").ValueKind);
        Assert.Equal("2", update.GetProperty("lastConsumedClientMessageIndex").GetString());
    }

    [Fact]
    public async Task A_pending_tool_call_makes_the_session_not_resumable_until_answered()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync(sessionResumption: "{}");
        await client.ReceiveAsync();

        await client.SendTextTurnAsync("tool:ping");

        Assert.Equal("""{"sessionResumptionUpdate":{"resumable":false}}""", (await client.ReceiveAsync()).Text);
        Assert.Equal("toolCall", (await client.ReceiveAsync()).Kind);
    }

    [Fact]
    public async Task Transparent_numbering_starts_again_at_1_on_a_resumed_connection()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 });
        string handle;
        await using (var first = await VertexClientAsync(emulator))
        {
            await first.SetupAsync(Paths.VertexModel, sessionResumption: """{"transparent":true}""");
            await first.ReceiveAsync();
            await first.SendAudioAsync(new byte[320]);
            await first.SendTextTurnAsync("two messages on the first connection");
            await first.ReceiveTurnAsync();
            handle = (await first.ReceiveAsync()).Body.GetProperty("newHandle").GetString()!;
        }

        await using var resumed = await VertexClientAsync(emulator);
        await resumed.SetupAsync(Paths.VertexModel, sessionResumption: $$"""{"transparent":true,"handle":"{{handle}}"}""");
        var afterSetup = (await resumed.ReceiveAsync()).Body;
        await resumed.SendTextTurnAsync("the first message here is 1 again");
        await resumed.ReceiveTurnAsync();
        var update = (await resumed.ReceiveAsync()).Body;

        Assert.Equal("0", afterSetup.GetProperty("lastConsumedClientMessageIndex").GetString());
        Assert.Equal("1", update.GetProperty("lastConsumedClientMessageIndex").GetString());
    }

    private static Task<WireClient> VertexClientAsync(LiveEmulator emulator) =>
        WireClient.ConnectAsync(emulator, Paths.VertexV1Beta1, query: null, configure: o => o.SetRequestHeader("Authorization", "Bearer test-token"));

    private static async Task<string> FirstHandleAsync(LiveEmulator emulator)
    {
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync(sessionResumption: "{}");
        return (await client.ReceiveAsync()).Body.GetProperty("newHandle").GetString()!;
    }
}
