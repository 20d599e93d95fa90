using System.Net.WebSockets;
using System.Text;
using LiveActors.Emulator.Tests.Support;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator.Tests;

public sealed class FrameChannelTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_fragment_size_splits_each_message_into_frames_of_at_most_that_many_bytes_and_counts_it_once()
    {
        using var pair = new SocketPair();
        var written = new List<OutboundFrame>();
        var channel = new FrameChannel(pair.Server, fragmentBytes: 4, maxMessageBytes: 1024, written.Add, CancellationToken.None);

        Assert.True(await channel.SendAsync(new OutboundFrame("0123456789"u8.ToArray()), CancellationToken.None));

        var frames = new List<(int Count, bool End)>();
        var buffer = new byte[64];
        WebSocketReceiveResult result;
        do
        {
            result = await pair.Client.ReceiveAsync(buffer, CancellationToken.None).WaitAsync(Patience);
            frames.Add((result.Count, result.EndOfMessage));
        }
        while (!result.EndOfMessage);

        Assert.Equal([(4, false), (4, false), (2, true)], frames);
        Assert.Single(written);
    }

    [Fact]
    public async Task A_client_message_past_the_limit_is_too_big_and_one_that_is_not_json_comes_back_as_text()
    {
        using var pair = new SocketPair();
        var channel = new FrameChannel(pair.Server, fragmentBytes: 0, maxMessageBytes: 16, _ => { }, CancellationToken.None);

        await pair.Client.SendAsync("not json {"u8.ToArray(), WebSocketMessageType.Text, true, CancellationToken.None);
        var notJson = await channel.ReceiveAsync().WaitAsync(Patience);
        await pair.Client.SendAsync(Encoding.UTF8.GetBytes(new string(' ', 17)), WebSocketMessageType.Text, true, CancellationToken.None);
        var tooBig = await channel.ReceiveAsync().WaitAsync(Patience);

        Assert.Equal(new Inbound(InboundKind.NotJson, Text: "not json {"), notJson);
        Assert.Equal(InboundKind.TooBig, tooBig.Kind);
    }

    [Fact]
    public async Task A_held_message_and_everything_sent_after_it_wait_until_enough_client_messages_have_arrived()
    {
        using var pair = new SocketPair();
        var written = new List<string>();
        var channel = new FrameChannel(pair.Server, 0, 1024, f => written.Add(Encoding.UTF8.GetString(f.Bytes)), CancellationToken.None);

        await channel.HoldAsync(new OutboundFrame("held"u8.ToArray()), 2, CancellationToken.None);
        Assert.False(await channel.SendAsync(new OutboundFrame("after"u8.ToArray()), CancellationToken.None));
        await channel.SendHeldAsync(clientMessages: 1);
        Assert.Empty(written);

        await channel.SendHeldAsync(clientMessages: 2);
        Assert.Equal(["held", "after"], written);
        Assert.True(await channel.SendAsync(new OutboundFrame("then"u8.ToArray()), CancellationToken.None));
    }
}
