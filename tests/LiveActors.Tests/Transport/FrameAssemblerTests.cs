using LiveActors.Transport;

namespace LiveActors.Tests.Transport;

/// <summary>A server message's fragments joined in one pooled buffer, up to the size limit, the buffer kept only while it is used.</summary>
public sealed class FrameAssemblerTests
{
    [Fact]
    public void Fragments_join_in_order_and_a_full_buffer_doubles_keeping_what_it_had()
    {
        var frames = new FrameAssembler(initialSize: 16, maxMessageSize: 1000);

        Read(frames, new byte[16]); // fills the first buffer
        var second = frames.NextChunk();
        Read(frames, [1, 2, 3]);

        Assert.Equal(16, second.Length); // 32 bytes now, 16 of them taken
        Assert.Equal(19, frames.Message.Length);
        Assert.Equal([0, 1, 2, 3], frames.Message[15..].ToArray());
    }

    [Fact]
    public void A_message_past_the_limit_is_refused_and_the_buffer_grows_to_one_byte_past_it_at_most()
    {
        var frames = new FrameAssembler(initialSize: 16, maxMessageSize: 20);
        Assert.True(Read(frames, new byte[16]));

        var last = frames.NextChunk();

        Assert.True(last.Length >= 5); // the pool may give more, the request is 21 bytes
        Assert.False(Read(frames, new byte[5]));
    }

    [Fact]
    public void A_buffer_is_kept_between_messages_unless_it_grew_for_a_big_one_and_released_when_the_socket_waits()
    {
        var frames = new FrameAssembler(initialSize: 16, maxMessageSize: 1000);
        Read(frames, new byte[10]);
        frames.Reset();
        Assert.True(frames.HoldsBuffer);
        Assert.False(frames.Begun);

        Read(frames, new byte[16]);
        Read(frames, new byte[16]);
        Read(frames, new byte[1]); // grown to 64: past twice its first size
        frames.Reset();
        Assert.False(frames.HoldsBuffer);

        Read(frames, new byte[1]);
        frames.Reset();
        frames.Release();
        Assert.False(frames.HoldsBuffer);
        Assert.Equal(0, frames.Message.Length);
    }

    private static bool Read(FrameAssembler frames, byte[] fragment)
    {
        fragment.CopyTo(frames.NextChunk());
        return frames.Add(fragment.Length);
    }
}
