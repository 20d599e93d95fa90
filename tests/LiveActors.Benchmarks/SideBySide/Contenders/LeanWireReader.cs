using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// The leanest reasonable reader: one forward pass of a <see cref="Utf8JsonReader"/> over the receive buffer, acting on
/// the few members it needs as it meets them and skipping the rest, with audio decoded from base64 into one reused
/// buffer. It builds no object per message; only a new resumption handle becomes a string (the next setup needs it).
/// </summary>
internal sealed class LeanWireReader : IWireReader
{
    private byte[] _pcm = []; // grown on the first audio, then reused
    private byte[] _unescaped = [];

    public void Read(ReadOnlySpan<byte> message, WireSessionState state)
    {
        var reader = new Utf8JsonReader(message);
        reader.Read(); // the message object
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("serverContent"u8))
            {
                reader.Read();
                ServerContent(ref reader, state);
            }
            else if (reader.ValueTextEquals("setupComplete"u8))
            {
                reader.Read();
                reader.Skip();
                state.SetupComplete();
            }
            else if (reader.ValueTextEquals("sessionResumptionUpdate"u8))
            {
                reader.Read();
                ResumptionUpdate(ref reader, state);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }
    }

    private void ServerContent(ref Utf8JsonReader reader, WireSessionState state)
    {
        var turnComplete = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("modelTurn"u8))
            {
                reader.Read();
                state.Progress.Chunk(ModelTurn(ref reader));
            }
            else if (reader.ValueTextEquals("turnComplete"u8))
            {
                reader.Read();
                turnComplete = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (turnComplete)
        {
            state.Progress.TurnComplete(); // after the members before it: a turnComplete beside a last chunk counts the chunk
        }
    }

    /// <summary>Reads a modelTurn object; the decoded audio bytes in its parts.</summary>
    private long ModelTurn(ref Utf8JsonReader reader)
    {
        long audio = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var parts = reader.ValueTextEquals("parts"u8);
            reader.Read();
            if (!parts)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var inlineData = reader.ValueTextEquals("inlineData"u8);
                    reader.Read();
                    if (inlineData)
                    {
                        audio += InlineData(ref reader);
                    }
                    else
                    {
                        reader.Skip(); // text: counted as a chunk, never read
                    }
                }
            }
        }

        return audio;
    }

    private int InlineData(ref Utf8JsonReader reader)
    {
        var decoded = 0;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var data = reader.ValueTextEquals("data"u8);
            reader.Read();
            if (data)
            {
                decoded = Decode(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        return decoded;
    }

    /// <summary>Decodes the base64 string at the reader into the reused buffer (what a player would then copy out).</summary>
    private int Decode(ref Utf8JsonReader reader)
    {
        var base64 = reader.ValueSpan;
        if (reader.ValueIsEscaped)
        {
            Grow(ref _unescaped, base64.Length);
            base64 = _unescaped.AsSpan(0, reader.CopyString(_unescaped));
        }

        Grow(ref _pcm, Base64.GetMaxDecodedFromUtf8Length(base64.Length));
        return Base64.DecodeFromUtf8(base64, _pcm, out _, out var written) == OperationStatus.Done
            ? written
            : throw new JsonException("inlineData.data is not base64.");
    }

    private static void Grow(ref byte[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new byte[Math.Max(length, buffer.Length * 2)];
        }
    }

    private void ResumptionUpdate(ref Utf8JsonReader reader, WireSessionState state)
    {
        string? handle = null;
        var resumable = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("newHandle"u8))
            {
                reader.Read();
                handle = reader.GetString();
            }
            else if (reader.ValueTextEquals("resumable"u8))
            {
                reader.Read();
                resumable = reader.TokenType == JsonTokenType.True;
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        if (resumable && handle is not null)
        {
            state.NewHandle(handle);
        }
    }
}
