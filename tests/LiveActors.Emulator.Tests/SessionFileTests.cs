using System.Net.WebSockets;
using System.Text.Json;
using LiveActors.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace LiveActors.Emulator.Tests;

/// <summary>An emulator with a session file resumes, after its restart, the sessions an earlier one issued handles for.</summary>
public sealed class SessionFileTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"emulator-sessions-{Guid.NewGuid():N}.json");

    public void Dispose() => File.Delete(_file);

    [Fact]
    public async Task A_handle_from_an_emulator_that_stopped_resumes_its_conversation_on_the_next_one()
    {
        string handle;
        await using (var before = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = _file }))
        {
            handle = await HandleAfterTurnAsync(before, "one");
        }

        await using var after = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = _file });
        await using var resumed = await WireClient.ConnectAsync(after);
        Assert.Equal("setupComplete", (await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""")).Kind);
        await resumed.ReceiveAsync();
        await resumed.SendTextTurnAsync("two");
        var turn = await resumed.ReceiveTurnAsync();

        Assert.Equal("Turn 2: you said \"two\"", turn[0].Body.GetProperty("modelTurn").GetProperty("parts")[0].GetProperty("text").GetString());
        var record = await after.WaitForConnectionAsync(1);
        Assert.Equal(["one", "two"], record.SessionMessages.Select(Text));
    }

    [Fact]
    public async Task Without_a_session_file_the_next_emulator_does_not_know_the_handle()
    {
        string handle;
        await using (var before = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1 }))
        {
            handle = await HandleAfterTurnAsync(before, "one");
        }

        await using var after = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = _file });
        await using var resumed = await WireClient.ConnectAsync(after);
        var close = await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""");

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, close.CloseStatus);
        Assert.Equal("BidiGenerateContent session not found", close.CloseReason);
    }

    [Fact]
    public async Task A_handle_in_the_file_past_its_lifetime_is_not_resumed()
    {
        var time = new FakeTimeProvider();
        string handle;
        await using (var before = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = _file, Time = time }))
        {
            handle = await HandleAfterTurnAsync(before, "one");
        }

        time.Advance(TimeSpan.FromHours(2));
        await using var after = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = _file, Time = time });
        await using var resumed = await WireClient.ConnectAsync(after);
        var close = await resumed.SetupAsync(sessionResumption: $$"""{"handle":"{{handle}}"}""");

        Assert.Equal("BidiGenerateContent session not found", close.CloseReason);
    }

    [Fact]
    public async Task A_file_that_is_not_a_session_file_is_a_clear_error_at_start()
    {
        await File.WriteAllTextAsync(_file, "not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(new LiveEmulatorOptions { SessionFile = _file }));

        Assert.Contains(_file, error.Message, StringComparison.Ordinal);
    }

    private static async Task<string> HandleAfterTurnAsync(LiveEmulator emulator, string text)
    {
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync(sessionResumption: "{}");
        await client.ReceiveAsync();
        await client.SendTextTurnAsync(text);
        await client.ReceiveTurnAsync();
        return (await client.ReceiveAsync()).Body.GetProperty("newHandle").GetString()!;
    }

    private static string Text(RecordedMessage message) =>
        JsonDocument.Parse(message.Json).RootElement.GetProperty("clientContent").GetProperty("turns")[0].GetProperty("parts")[0].GetProperty("text").GetString()!;
}
