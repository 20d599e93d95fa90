using System.Buffers;
using System.Text.Json;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// The client messages the hand-written contenders send, written with a reused Utf8JsonWriter into a reused buffer
/// (what a careful author does); the caller sends <see cref="ArrayBufferWriter{T}.WrittenMemory"/> before the next write.
/// </summary>
internal sealed class WireFrames
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private readonly Utf8JsonWriter _writer;

    public WireFrames() => _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });

    public ReadOnlyMemory<byte> Setup(string model, bool resumption, string? handle)
    {
        var w = Start("setup");
        w.WriteString("model", model);
        w.WriteStartObject("generationConfig");
        w.WriteStartArray("responseModalities");
        w.WriteStringValue("TEXT");
        w.WriteEndArray();
        w.WriteEndObject();
        if (resumption)
        {
            w.WriteStartObject("sessionResumption");
            if (handle is not null)
            {
                w.WriteString("handle", handle);
            }

            w.WriteEndObject();
        }

        return Finish();
    }

    public ReadOnlyMemory<byte> Text(string text)
    {
        Start("realtimeInput").WriteString("text", text);
        return Finish();
    }

    public ReadOnlyMemory<byte> Audio(ReadOnlySpan<byte> pcm)
    {
        var w = Start("realtimeInput");
        w.WriteStartObject("audio");
        w.WriteString("mimeType", "audio/pcm;rate=16000");
        w.WriteBase64String("data", pcm);
        w.WriteEndObject();
        return Finish();
    }

    private Utf8JsonWriter Start(string member)
    {
        _buffer.ResetWrittenCount();
        _writer.Reset();
        _writer.WriteStartObject();
        _writer.WriteStartObject(member);
        return _writer;
    }

    private ReadOnlyMemory<byte> Finish()
    {
        _writer.WriteEndObject();
        _writer.WriteEndObject();
        _writer.Flush();
        return _buffer.WrittenMemory;
    }
}
