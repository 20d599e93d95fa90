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

    /// <summary>Reads the one JSON object in <paramref name="frame"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ServerMessage Read(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame, ReaderOptions);
        reader.Read();
        var message = ReadServerMessage(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"the frame goes on after its object ({reader.TokenType} at byte {reader.TokenStartIndex}).");
        }

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
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("serverContent"u8))
            {
                serverContent = ReadServerContent(ref reader);
            }
            else if (reader.ValueTextEquals("usageMetadata"u8))
            {
                usageMetadata = Serialized(ref reader, LiveJsonContext.Default.UsageMetadata);
            }
            else if (reader.ValueTextEquals("sessionResumptionUpdate"u8))
            {
                sessionResumptionUpdate = Serialized(ref reader, LiveJsonContext.Default.SessionResumptionUpdate);
            }
            else if (reader.ValueTextEquals("setupComplete"u8))
            {
                setupComplete = Serialized(ref reader, LiveJsonContext.Default.SetupComplete);
            }
            else if (reader.ValueTextEquals("toolCall"u8))
            {
                toolCall = Serialized(ref reader, LiveJsonContext.Default.ToolCall);
            }
            else if (reader.ValueTextEquals("toolCallCancellation"u8))
            {
                toolCallCancellation = Serialized(ref reader, LiveJsonContext.Default.ToolCallCancellation);
            }
            else if (reader.ValueTextEquals("goAway"u8))
            {
                goAway = Serialized(ref reader, LiveJsonContext.Default.GoAway);
            }
            else if (reader.ValueTextEquals("voiceActivity"u8))
            {
                voiceActivity = Serialized(ref reader, LiveJsonContext.Default.VoiceActivity);
            }
            else if (reader.ValueTextEquals("voiceActivityDetectionSignal"u8))
            {
                voiceActivityDetectionSignal = Serialized(ref reader, LiveJsonContext.Default.VoiceActivityDetectionSignal);
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                error = Serialized(ref reader, LiveJsonContext.Default.ServerErrorPayload);
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
            ExtensionData = unknown,
        };
    }

    private static ServerContent? ReadServerContent(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "serverContent"))
        {
            return null;
        }

        Content? modelTurn = null;
        bool? turnComplete = null, generationComplete = null, interrupted = null, waitingForInput = null;
        JsonElement? groundingMetadata = null, urlContextMetadata = null;
        Transcription? inputTranscription = null, outputTranscription = null, interimInputTranscription = null;
        string? turnCompleteReason = null, interactionStatus = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("modelTurn"u8))
            {
                modelTurn = ReadContent(ref reader);
            }
            else if (reader.ValueTextEquals("turnComplete"u8))
            {
                turnComplete = ReadBoolean(ref reader, "turnComplete");
            }
            else if (reader.ValueTextEquals("generationComplete"u8))
            {
                generationComplete = ReadBoolean(ref reader, "generationComplete");
            }
            else if (reader.ValueTextEquals("interrupted"u8))
            {
                interrupted = ReadBoolean(ref reader, "interrupted");
            }
            else if (reader.ValueTextEquals("outputTranscription"u8))
            {
                outputTranscription = ReadTranscription(ref reader, "outputTranscription");
            }
            else if (reader.ValueTextEquals("inputTranscription"u8))
            {
                inputTranscription = ReadTranscription(ref reader, "inputTranscription");
            }
            else if (reader.ValueTextEquals("interimInputTranscription"u8))
            {
                interimInputTranscription = ReadTranscription(ref reader, "interimInputTranscription");
            }
            else if (reader.ValueTextEquals("waitingForInput"u8))
            {
                waitingForInput = ReadBoolean(ref reader, "waitingForInput");
            }
            else if (reader.ValueTextEquals("turnCompleteReason"u8))
            {
                turnCompleteReason = ReadString(ref reader, "turnCompleteReason");
            }
            else if (reader.ValueTextEquals("interactionStatus"u8))
            {
                interactionStatus = ReadString(ref reader, "interactionStatus");
            }
            else if (reader.ValueTextEquals("groundingMetadata"u8))
            {
                groundingMetadata = ReadElement(ref reader);
            }
            else if (reader.ValueTextEquals("urlContextMetadata"u8))
            {
                urlContextMetadata = ReadElement(ref reader);
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

    private static Content? ReadContent(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "modelTurn"))
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
                parts = ReadParts(ref reader);
            }
            else if (reader.ValueTextEquals("role"u8))
            {
                role = ReadString(ref reader, "role", KnownRoles);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Content { Role = role, Parts = parts, ExtensionData = unknown };
    }

    private static IReadOnlyList<Part>? ReadParts(ref Utf8JsonReader reader)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Unexpected(ref reader, "parts", "an array");
        }

        // Nearly every chunk has one part: no list for it.
        Part? first = null;
        List<Part>? all = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var part = ReadPart(ref reader) ?? throw new JsonException("a part is null.");
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
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        ExpectObject(ref reader, "a part");
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
                text = ReadString(ref reader, "text");
            }
            else if (reader.ValueTextEquals("inlineData"u8))
            {
                inlineData = ReadBlob(ref reader);
            }
            else if (reader.ValueTextEquals("thought"u8))
            {
                thought = ReadBoolean(ref reader, "thought");
            }
            else if (reader.ValueTextEquals("thoughtSignature"u8))
            {
                thoughtSignature = ReadString(ref reader, "thoughtSignature");
            }
            else if (reader.ValueTextEquals("executableCode"u8))
            {
                executableCode = Serialized(ref reader, LiveJsonContext.Default.ExecutableCode);
            }
            else if (reader.ValueTextEquals("codeExecutionResult"u8))
            {
                codeExecutionResult = Serialized(ref reader, LiveJsonContext.Default.CodeExecutionResult);
            }
            else if (reader.ValueTextEquals("functionCall"u8))
            {
                functionCall = Serialized(ref reader, LiveJsonContext.Default.FunctionCall);
            }
            else if (reader.ValueTextEquals("functionResponse"u8))
            {
                functionResponse = Serialized(ref reader, LiveJsonContext.Default.FunctionResponse);
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

    private static Blob? ReadBlob(ref Utf8JsonReader reader)
    {
        if (!StartObject(ref reader, "inlineData"))
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
                if (reader.TokenType == JsonTokenType.String)
                {
                    data = reader.TryGetBytesFromBase64(out var bytes) ? bytes : throw new JsonException("'data' is not valid base64.");
                }
                else if (reader.TokenType != JsonTokenType.Null)
                {
                    throw Unexpected(ref reader, "data", "a base64 string");
                }
            }
            else if (reader.ValueTextEquals("mimeType"u8))
            {
                mimeType = ReadString(ref reader, "mimeType", KnownMimeTypes);
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Blob { MimeType = mimeType, Data = data, ExtensionData = unknown };
    }

    private static Transcription? ReadTranscription(ref Utf8JsonReader reader, string member)
    {
        if (!StartObject(ref reader, member))
        {
            return null;
        }

        string? text = null, languageCode = null;
        bool? finished = null;
        Dictionary<string, JsonElement>? unknown = null;
        while (NextMember(ref reader))
        {
            if (reader.ValueTextEquals("text"u8))
            {
                text = ReadString(ref reader, "text");
            }
            else if (reader.ValueTextEquals("finished"u8))
            {
                finished = ReadBoolean(ref reader, "finished");
            }
            else if (reader.ValueTextEquals("languageCode"u8))
            {
                languageCode = ReadString(ref reader, "languageCode");
            }
            else
            {
                Keep(ref reader, ref unknown);
            }
        }

        return new Transcription { Text = text, Finished = finished, LanguageCode = languageCode, ExtensionData = unknown };
    }

    /// <summary>Moves to the next member's name; false at the end of the object.</summary>
    private static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Moves to a member's value: true at the start of an object, false when it is null.</summary>
    private static bool StartObject(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return false;
        }

        ExpectObject(ref reader, member);
        return true;
    }

    private static void ExpectObject(ref Utf8JsonReader reader, string what)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Unexpected(ref reader, what, "an object");
        }
    }

    private static T? Serialized<T>(ref Utf8JsonReader reader, JsonTypeInfo<T> type)
    {
        reader.Read();
        return JsonSerializer.Deserialize(ref reader, type);
    }

    private static bool? ReadBoolean(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        return reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Null => null,
            _ => throw Unexpected(ref reader, member, "true or false"),
        };
    }

    private static string? ReadString(ref Utf8JsonReader reader, string member)
    {
        reader.Read();
        return StringValue(ref reader, member);
    }

    /// <summary>A string member whose value is usually one of <paramref name="known"/>: that instance, not a new copy.</summary>
    private static string? ReadString(ref Utf8JsonReader reader, string member, (byte[] Utf8, string Value)[] known)
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

        return StringValue(ref reader, member);
    }

    private static string? StringValue(ref Utf8JsonReader reader, string member) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw Unexpected(ref reader, member, "a string"),
    };

    private static JsonElement? ReadElement(ref Utf8JsonReader reader)
    {
        reader.Read();
        return reader.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref reader);
    }

    /// <summary>A member this library does not model: kept as it is, by name (the last of duplicates wins).</summary>
    private static void Keep(ref Utf8JsonReader reader, ref Dictionary<string, JsonElement>? unknown)
    {
        var name = reader.GetString()!;
        reader.Read();
        (unknown ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal))[name] = JsonElement.ParseValue(ref reader);
    }

    private static (byte[] Utf8, string Value)[] Known(params string[] values) =>
        [.. values.Select(value => (System.Text.Encoding.UTF8.GetBytes(value), value))];

    private static JsonException Unexpected(ref Utf8JsonReader reader, string member, string expected) =>
        new($"'{member}' should be {expected}, not {reader.TokenType} (byte {reader.TokenStartIndex}).");
}
