using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Tests.Events;

public sealed class ModelTurnReceivedTests
{
    [Fact]
    public void Text_joins_the_text_parts_and_leaves_out_thoughts_and_audio()
    {
        var chunk = Chunk(
            new Part { Text = "thinking...", Thought = true },
            new Part { Text = "Hello, " },
            new Part { InlineData = new Blob { MimeType = "audio/pcm;rate=24000", Data = new byte[4] } },
            new Part { Text = "world" });

        Assert.Equal("Hello, world", chunk.Text);
    }

    [Fact]
    public void Text_of_one_text_part_is_that_string_and_of_none_is_null()
    {
        var text = "only";

        Assert.Same(text, Chunk(new Part { Text = text }).Text);
        Assert.Null(Chunk(new Part { InlineData = new Blob { MimeType = "audio/pcm", Data = new byte[2] } }).Text);
        Assert.Null(Chunk().Text);
    }

    [Fact]
    public void Audio_is_the_audio_parts_data_one_part_without_a_copy_and_none_empty()
    {
        var pcm = new byte[] { 1, 2, 3, 4 };
        var one = Chunk(new Part { Text = "hi" }, new Part { InlineData = new Blob { MimeType = "audio/pcm;rate=24000", Data = pcm } });
        var two = Chunk(
            new Part { InlineData = new Blob { MimeType = "audio/pcm", Data = new byte[] { 1, 2 } } },
            new Part { InlineData = new Blob { MimeType = "image/jpeg", Data = new byte[] { 9 } } },
            new Part { InlineData = new Blob { MimeType = "audio/pcm", Data = new byte[] { 3 } } });

        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(one.Audio, out var segment) && ReferenceEquals(segment.Array, pcm));
        Assert.Equal(new byte[] { 1, 2, 3 }, two.Audio.ToArray());
        Assert.True(Chunk(new Part { Text = "no audio" }).Audio.IsEmpty);
    }

    private static ModelTurnReceived Chunk(params Part[] parts)
    {
        var content = new Content { Role = Roles.Model, Parts = parts };
        return new ModelTurnReceived(new ServerMessage { ServerContent = new ServerContent { ModelTurn = content } }, content);
    }
}
