using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using static LiveActors.Protocol.JsonMembers;

namespace LiveActors.Protocol;

/// <summary>
/// The parts of a server message that arrive by the thousand, read by hand for <see cref="ServerMessageReader"/>: a
/// turn's content, its parts, inline audio straight from base64, and transcriptions.
/// </summary>
internal static class ContentReader
{
    // Values that repeat in every chunk: returned as these instances instead of a new string per message.
    private static readonly (byte[] Utf8, string Value)[] KnownRoles = Known(Roles.Model, Roles.User);
    private static readonly (byte[] Utf8, string Value)[] KnownMimeTypes = Known(MimeTypes.Pcm24K, MimeTypes.Pcm16K, "audio/pcm");

    public static Content? ReadContent(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? outer)
    {
        if (!StartObject(ref reader, "modelTurn", ref outer))
        {
            return null;
        }

        string? role = null;
        IReadOnlyList<Part>? parts = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("parts"u8))
            {
                parts = ReadParts(ref reader, ref unknown);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                role = ReadString(ref reader, "role", KnownRoles, ref unknown);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Content { Role = role, Parts = parts, ExtensionData = unknown };
    }

    private static IReadOnlyList<Part>? ReadParts(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? outer)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            KeepOdd(ref reader, "parts", ref outer);
            return null;
        }

        // Nearly every chunk has one part: no list for it.
        Part? first = null;
        List<Part>? all = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (ReadPart(ref reader) is not { } part)
            {
                continue; // a null, or not an object: noted, and the other parts kept
            }

            if (first is null)
            {
                first = part;
            }
            else
            {
                (all ??= [first]).Add(part);
            }
        }

        return all ?? (first is null ? [] : [first]);
    }

    private static Part? ReadPart(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Note("parts[]");
            reader.Skip();
            return null;
        }

        string? text = null, thoughtSignature = null;
        bool? thought = null;
        Blob? inlineData = null;
        ExecutableCode? executableCode = null;
        CodeExecutionResult? codeExecutionResult = null;
        FunctionCall? functionCall = null;
        FunctionResponse? functionResponse = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = ReadString(ref reader, "text", ref unknown);
            }
            else if (reader.ValueTextEquals("inlineData"u8))
            {
                inlineData = ReadBlob(ref reader, ref unknown);
            }
            else if (reader.ValueTextEquals("thought"u8))
            {
                thought = ReadBoolean(ref reader, "thought", ref unknown);
            }
            else if (reader.ValueTextEquals("thoughtSignature"u8))
            {
                thoughtSignature = ReadString(ref reader, "thoughtSignature", ref unknown);
            }
            else if (reader.ValueTextEquals("executableCode"u8))
            {
                executableCode = Serialized(ref reader, LiveJsonContext.Default.ExecutableCode, "executableCode", ref unknown);
            }
            else if (reader.ValueTextEquals("codeExecutionResult"u8))
            {
                codeExecutionResult = Serialized(ref reader, LiveJsonContext.Default.CodeExecutionResult, "codeExecutionResult", ref unknown);
            }
            else if (reader.ValueTextEquals("functionCall"u8))
            {
                functionCall = Serialized(ref reader, LiveJsonContext.Default.FunctionCall, "functionCall", ref unknown);
            }
            else if (reader.ValueTextEquals("functionResponse"u8))
            {
                functionResponse = Serialized(ref reader, LiveJsonContext.Default.FunctionResponse, "functionResponse", ref unknown);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Part
        {
            Text = text,
            Thought = thought,
            ThoughtSignature = thoughtSignature,
            InlineData = inlineData,
            ExecutableCode = executableCode,
            CodeExecutionResult = codeExecutionResult,
            FunctionCall = functionCall,
            FunctionResponse = functionResponse,
            ExtensionData = unknown,
        };
    }

    /// <summary>
    /// A base64 string's bytes, decoded straight from the frame into an array the GC does not zero first (an audio chunk
    /// is 9,600 bytes, every 200 ms of speech): what <see cref="Utf8JsonReader.TryGetBytesFromBase64"/> gives, without
    /// clearing memory that the decode overwrites anyway. False when the string is not base64.
    /// </summary>
    private static bool TryReadBase64(ref Utf8JsonReader reader, out ReadOnlyMemory<byte> data)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence)
        {
            var decoded = reader.TryGetBytesFromBase64(out var bytes);
            data = bytes;
            return decoded;
        }

        var encoded = reader.ValueSpan;
        var buffer = GC.AllocateUninitializedArray<byte>(Base64.GetMaxDecodedFromUtf8Length(encoded.Length));
        if (Base64.DecodeFromUtf8(encoded, buffer, out _, out var written) != OperationStatus.Done)
        {
            data = default;
            return false;
        }

        buffer.AsSpan(written).Clear(); // padding leaves at most two bytes past the data: never memory from before
        data = buffer.AsMemory(0, written);
        return true;
    }

    private static Blob? ReadBlob(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? outer)
    {
        if (!StartObject(ref reader, "inlineData", ref outer))
        {
            return null;
        }

        string? mimeType = null;
        ReadOnlyMemory<byte> data = default;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("data"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.String && TryReadBase64(ref reader, out var bytes))
                {
                    data = bytes;
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    KeepOdd(ref reader, "data", ref unknown); // not base64: kept as it came
                }
            }
            else if (reader.ValueTextEquals("mimeType"u8))
            {
                mimeType = ReadString(ref reader, "mimeType", KnownMimeTypes, ref unknown);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Blob { MimeType = mimeType, Data = data, ExtensionData = unknown };
    }

    public static Transcription? ReadTranscription(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? outer)
    {
        if (!StartObject(ref reader, member, ref outer))
        {
            return null;
        }

        string? text = null, languageCode = null, speakerLabel = null;
        bool? finished = null;
        IReadOnlyList<TranscriptionWord>? words = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = ReadString(ref reader, "text", ref unknown);
            }
            else if (reader.ValueTextEquals("finished"u8))
            {
                finished = ReadBoolean(ref reader, "finished", ref unknown);
            }
            else if (reader.ValueTextEquals("languageCode"u8))
            {
                languageCode = ReadString(ref reader, "languageCode", ref unknown);
            }
            else if (reader.ValueTextEquals("words"u8))
            {
                words = Serialized(ref reader, LiveJsonContext.Default.IReadOnlyListTranscriptionWord, "words", ref unknown);
            }
            else if (reader.ValueTextEquals("speakerLabel"u8))
            {
                speakerLabel = ReadString(ref reader, "speakerLabel", ref unknown);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Transcription
        {
            Text = text, Finished = finished, LanguageCode = languageCode, Words = words, SpeakerLabel = speakerLabel, ExtensionData = unknown,
        };
    }
}
