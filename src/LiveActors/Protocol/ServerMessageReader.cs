using System.Buffers;
using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LiveActors.Protocol;

/// <summary>
/// Reads a server message with one <see cref="Utf8JsonReader"/>: the members that arrive by the thousand (model
/// output, transcriptions, turn markers) by hand, straight into their records; every other member through the
/// source-generated serializer. The results are the same as the serializer's alone (a test holds them to it).
/// </summary>
/// <remarks>
/// Why by hand: the serializer builds records with init-only properties through its parameterized-constructor path,
/// an argument array and stack-frame copies for every object, which profiling showed to cost about half the time of
/// a small chunk's receive path and most of its allocation.
/// </remarks>
internal static class ServerMessageReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = LiveJsonContext.MaxDepth };

    // Values that repeat in every chunk: returned as these instances instead of a new string per message.
    private static readonly (byte[] Utf8, string Value)[] KnownRoles = Known(Roles.Model, Roles.User);
    private static readonly (byte[] Utf8, string Value)[] KnownMimeTypes = Known(MimeTypes.Pcm24K, MimeTypes.Pcm16K, "audio/pcm");

    // The members of the frame being read that had a type their record cannot hold; reading is synchronous, so one
    // list a thread serves every frame, and none is made for a frame without such a member.
    [ThreadStatic]
    private static List<string>? t_odd;

    /// <summary>Reads the one JSON object in <paramref name="frame"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ServerMessage Read(ReadOnlySpan<byte> frame) => Read(frame, out _);

    /// <summary>
    /// Reads the one JSON object in <paramref name="frame"/>, and says which members had a type their record cannot
    /// hold (kept raw in <see cref="WireObject.AdditionalProperties"/>); throws <see cref="JsonException"/> only when
    /// the frame is not JSON at all.
    /// </summary>
    public static ServerMessage Read(ReadOnlySpan<byte> frame, out IReadOnlyList<string>? oddMembers)
    {
        t_odd = null;
        var reader = new Utf8JsonReader(frame, ReaderOptions);
        reader.Read();
        var message = ReadServerMessage(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"the frame goes on after its object ({reader.TokenType} at byte {reader.TokenStartIndex}).");
        }

        oddMembers = t_odd;
        t_odd = null;
        return message;
    }

    private static ServerMessage ReadServerMessage(ref Utf8JsonReader reader)
    {
        ExpectObject(ref reader, "the frame");
        SetupComplete? setupComplete = null;
        ServerContent? serverContent = null;
        ToolCall? toolCall = null;
        ToolCallCancellation? toolCallCancellation = null;
        GoAway? goAway = null;
        SessionResumptionUpdate? sessionResumptionUpdate = null;
        UsageMetadata? usageMetadata = null;
        VoiceActivity? voiceActivity = null;
        VoiceActivityDetectionSignal? voiceActivityDetectionSignal = null;
        ServerErrorPayload? error = null;
        string? interactionStatus = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("serverContent"u8))
            {
                serverContent = ReadServerContent(ref reader, ref unknown);
            }
            else if (reader.ValueTextEquals("usageMetadata"u8))
            {
                usageMetadata = Serialized(ref reader, LiveJsonContext.Default.UsageMetadata, "usageMetadata", ref unknown);
            }
            else if (reader.ValueTextEquals("sessionResumptionUpdate"u8))
            {
                sessionResumptionUpdate = Serialized(ref reader, LiveJsonContext.Default.SessionResumptionUpdate, "sessionResumptionUpdate", ref unknown);
            }
            else if (reader.ValueTextEquals("setupComplete"u8))
            {
                setupComplete = Serialized(ref reader, LiveJsonContext.Default.SetupComplete, "setupComplete", ref unknown);
            }
            else if (reader.ValueTextEquals("toolCall"u8))
            {
                toolCall = Serialized(ref reader, LiveJsonContext.Default.ToolCall, "toolCall", ref unknown);
            }
            else if (reader.ValueTextEquals("toolCallCancellation"u8))
            {
                toolCallCancellation = Serialized(ref reader, LiveJsonContext.Default.ToolCallCancellation, "toolCallCancellation", ref unknown);
            }
            else if (reader.ValueTextEquals("goAway"u8))
            {
                goAway = Serialized(ref reader, LiveJsonContext.Default.GoAway, "goAway", ref unknown);
            }
            else if (reader.ValueTextEquals("voiceActivity"u8))
            {
                voiceActivity = Serialized(ref reader, LiveJsonContext.Default.VoiceActivity, "voiceActivity", ref unknown);
            }
            else if (reader.ValueTextEquals("voiceActivityDetectionSignal"u8))
            {
                voiceActivityDetectionSignal = Serialized(ref reader, LiveJsonContext.Default.VoiceActivityDetectionSignal, "voiceActivityDetectionSignal", ref unknown);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = Serialized(ref reader, LiveJsonContext.Default.ServerErrorPayload, "error", ref unknown);
            }
            else if (reader.ValueTextEquals("interactionStatus"u8))
            {
                interactionStatus = ReadString(ref reader, "interactionStatus", ref unknown);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new ServerMessage
        {
            SetupComplete = setupComplete,
            ServerContent = serverContent,
            ToolCall = toolCall,
            ToolCallCancellation = toolCallCancellation,
            GoAway = goAway,
            SessionResumptionUpdate = sessionResumptionUpdate,
            UsageMetadata = usageMetadata,
            VoiceActivity = voiceActivity,
            VoiceActivityDetectionSignal = voiceActivityDetectionSignal,
            Error = error,
            InteractionStatus = interactionStatus,
            ExtensionData = unknown,
        };
    }

    private static ServerContent? ReadServerContent(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? outer)
    {
        if (!StartObject(ref reader, "serverContent", ref outer))
        {
            return null;
        }

        Content? modelTurn = null;
        bool? turnComplete = null, generationComplete = null, interrupted = null, waitingForInput = null;
        GroundingMetadata? groundingMetadata = null;
        UrlContextMetadata? urlContextMetadata = null;
        Transcription? inputTranscription = null, outputTranscription = null, interimInputTranscription = null;
        string? turnCompleteReason = null, interactionStatus = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("modelTurn"u8))
            {
                modelTurn = ReadContent(ref reader, ref unknown);
            }
            else if (reader.ValueTextEquals("turnComplete"u8))
            {
                turnComplete = ReadBoolean(ref reader, "turnComplete", ref unknown);
            }
            else if (reader.ValueTextEquals("generationComplete"u8))
            {
                generationComplete = ReadBoolean(ref reader, "generationComplete", ref unknown);
            }
            else if (reader.ValueTextEquals("interrupted"u8))
            {
                interrupted = ReadBoolean(ref reader, "interrupted", ref unknown);
            }
            else if (reader.ValueTextEquals("outputTranscription"u8))
            {
                outputTranscription = ReadTranscription(ref reader, "outputTranscription", ref unknown);
            }
            else if (reader.ValueTextEquals("inputTranscription"u8))
            {
                inputTranscription = ReadTranscription(ref reader, "inputTranscription", ref unknown);
            }
            else if (reader.ValueTextEquals("interimInputTranscription"u8))
            {
                interimInputTranscription = ReadTranscription(ref reader, "interimInputTranscription", ref unknown);
            }
            else if (reader.ValueTextEquals("waitingForInput"u8))
            {
                waitingForInput = ReadBoolean(ref reader, "waitingForInput", ref unknown);
            }
            else if (reader.ValueTextEquals("turnCompleteReason"u8))
            {
                turnCompleteReason = ReadString(ref reader, "turnCompleteReason", ref unknown);
            }
            else if (reader.ValueTextEquals("interactionStatus"u8))
            {
                interactionStatus = ReadString(ref reader, "interactionStatus", ref unknown);
            }
            else if (reader.ValueTextEquals("groundingMetadata"u8))
            {
                groundingMetadata = Serialized(ref reader, LiveJsonContext.Default.GroundingMetadata, "groundingMetadata", ref unknown);
            }
            else if (reader.ValueTextEquals("urlContextMetadata"u8))
            {
                urlContextMetadata = Serialized(ref reader, LiveJsonContext.Default.UrlContextMetadata, "urlContextMetadata", ref unknown);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new ServerContent
        {
            ModelTurn = modelTurn,
            TurnComplete = turnComplete,
            GenerationComplete = generationComplete,
            Interrupted = interrupted,
            GroundingMetadata = groundingMetadata,
            InputTranscription = inputTranscription,
            OutputTranscription = outputTranscription,
            InterimInputTranscription = interimInputTranscription,
            UrlContextMetadata = urlContextMetadata,
            WaitingForInput = waitingForInput,
            TurnCompleteReason = turnCompleteReason,
            InteractionStatus = interactionStatus,
            ExtensionData = unknown,
        };
    }

    private static Content? ReadContent(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? outer)
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

    private static Transcription? ReadTranscription(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? outer)
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

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    private static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>
    /// Moves to a member's value: true at the start of an object; false when it is null, or of another type (then it
    /// is kept raw in <paramref name="outer"/> and noted).
    /// </summary>
    private static bool StartObject(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? outer)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (reader.TokenType != JsonTokenType.Null)
        {
            KeepOdd(ref reader, member, ref outer);
        }

        return false;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{what} should be an object, not {reader.TokenType}.");
        }
    }

    /// <summary>
    /// A member read by the source-generated serializer; when its value does not fit the record (a member of another
    /// type somewhere inside), the whole member is kept raw and noted, and the rest of the frame is read on.
    /// </summary>
    private static T? Serialized<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> type, string member, ref Dictionary<string, JsonElement>? outer)
    {
        reader.Read();
        var start = reader; // a struct over one span: a copy to go back to
        try
        {
            return JsonSerializer.Deserialize(ref reader, type);
        }
        catch (JsonException)
        {
            reader = start;
            KeepOdd(ref reader, member, ref outer);
            return default;
        }
    }

    private static bool? ReadBoolean(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            default:
                KeepOdd(ref reader, member, ref unknown);
                return null;
        }
    }

    private static string? ReadString(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        return StringValue(ref reader, member, ref unknown);
    }

    /// <summary>A string member whose value is usually one of <paramref name="known"/>: that instance, not a new copy.</summary>
    private static string? ReadString(ref Utf8JsonReader reader, string member, (byte[] Utf8, string Value)[] known, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (utf8, value) in known)
            {
                if (reader.ValueTextEquals(utf8))
                {
                    return value;
                }
            }
        }

        return StringValue(ref reader, member, ref unknown);
    }

    private static string? StringValue(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            default:
                KeepOdd(ref reader, member, ref unknown);
                return null;
        }
    }

    private static JsonElement? ReadElement(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType == JsonTokenType.StartObject)
        {
            return JsonElement.ParseValue(ref reader);
        }

        KeepOdd(ref reader, member, ref unknown);
        return null;
    }

    /// <summary>
    /// A member of a type the record cannot hold: kept as it came, by its name, with the object's unknown members (so
    /// nothing is lost and it is written back as it was), and noted, while the rest of the frame is read on.
    /// </summary>
    private static void KeepOdd(ref Utf8JsonReader reader, string member, ref Dictionary<string, JsonElement>? unknown)
    {
        Note(member);
        (unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[member] = JsonElement.ParseValue(ref reader);
    }

    private static void Note(string member) => (t_odd ??= []).Add(member);

    /// <summary>A member this library does not model: kept as it is, by name (the last of duplicates wins).</summary>
    private static void Keep(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? unknown)
    {
        var name = reader.GetString()!;
        reader.Read();
        (unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    private static (byte[] Utf8, string Value)[] Known(params string[] values) =>
        [.. values.Select(value => (System.Text.Encoding.UTF8.GetBytes(value), value))];

}
