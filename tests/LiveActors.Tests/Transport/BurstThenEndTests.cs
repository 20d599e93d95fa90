using LiveActors.Errors;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Transport;

/// <summary>
/// The receive loop holds its session's mailbox while more of a burst is already there, and runs it once a read has
/// to wait. When a burst ends with the connection itself (a close frame, or a reset, in the same TCP write as the
/// messages before it), no read ever waits: the session must still get those messages, before the end, and go on.
/// </summary>
public sealed class BurstThenEndTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private const string Text = """{"serverContent":{"modelTurn":{"role":"model","parts":[{"text":"last words"}]}}}""";

    [Fact]
    public async Task Messages_in_the_same_write_as_a_close_frame_reach_the_session_before_the_close()
    {
        await using var server = new RawFrameServer();
        var (_, events) = StartSession(Options with { BaseAddress = server.BaseAddress });
        events.ExpectMsg<Connected>(Patience);

        await server.WriteAsync(RawFrameServer.Frame(Text), RawFrameServer.Frame(Text), RawFrameServer.CloseFrame(1011));

        Assert.Equal("last words", events.ExpectMsg<ModelTurnReceived>(Patience).Turn.Parts![0].Text);
        Assert.Equal("last words", events.ExpectMsg<ModelTurnReceived>(Patience).Turn.Parts![0].Text);
        var closed = events.FishForMessage<Disconnected>(_ => true, Patience);
        Assert.Equal(1011, Assert.IsType<ConnectionError.ServerClosed>(closed.Error).CloseCode);
    }

    [Fact]
    public async Task Messages_in_the_same_write_as_a_reset_reach_the_session_before_the_drop()
    {
        await using var server = new RawFrameServer();
        var (_, events) = StartSession(Options with { BaseAddress = server.BaseAddress });
        events.ExpectMsg<Connected>(Patience);

        await server.WriteAndResetAsync(RawFrameServer.Frame(Text), RawFrameServer.Frame(Text));

        Assert.Equal("last words", events.ExpectMsg<ModelTurnReceived>(Patience).Turn.Parts![0].Text);
        Assert.Equal("last words", events.ExpectMsg<ModelTurnReceived>(Patience).Turn.Parts![0].Text);
        events.FishForMessage<Disconnected>(_ => true, Patience);
    }
}
