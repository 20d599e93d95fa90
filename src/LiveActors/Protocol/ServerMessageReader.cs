using System.Text.Json;
using static LiveActors.Protocol.ContentReader;
using static LiveActors.Protocol.JsonMembers;

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

    /// <summary>Reads the one JSON object in <paramref name="frame"/>; throws <see cref="JsonException"/> when it is not one.</summary>
    public static ServerMessage Read(ReadOnlySpan<byte> frame) => Read(frame, out _);

    /// <summary>
    /// Reads the one JSON object in <paramref name="frame"/>, and says which members had a type their record cannot
    /// hold (kept raw in <see cref="WireObject.AdditionalProperties"/>); throws <see cref="JsonException"/> only when
    /// the frame is not JSON at all.
    /// </summary>
    public static ServerMessage Read(ReadOnlySpan<byte> frame, out IReadOnlyList<string>? oddMembers)
    {
        BeginFrame();
        var reader = new Utf8JsonReader(frame, ReaderOptions);
        reader.Read();
        var message = ReadServerMessage(ref reader);
        if (reader.Read())
        {
            throw new JsonException($"the frame goes on after its object ({reader.TokenType} at byte {reader.TokenStartIndex}).");
        }

        oddMembers = EndFrame();
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
}
