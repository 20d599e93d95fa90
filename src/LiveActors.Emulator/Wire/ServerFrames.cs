using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace LiveActors.Emulator.Wire;

/// <summary>
/// The server messages the emulator sends, written with Utf8JsonWriter from the wire names of docs/live-api.md (never with
/// the library's records). Frames that never change are serialized once and reused.
/// </summary>
internal static class ServerFrames
{
    public static readonly byte[] GenerationComplete = Build(w => Object(w, "serverContent", () => w.WriteBoolean("generationComplete", true)));
    public static readonly byte[] Interrupted = Build(w => Object(w, "serverContent", () => w.WriteBoolean("interrupted", true)));
    public static readonly byte[] NotResumable = Build(w => Object(w, "sessionResumptionUpdate", () => w.WriteBoolean("resumable", false)));
    public static readonly byte[] UnknownKind = Build(w => Object(w, "emulatorFutureMessage", () => w.WriteNumber("version", 2)));
    public static readonly byte[] Malformed = "not json {"u8.ToArray();
    public static readonly byte[] FloodChunk = TextChunk("flood ");
    public static readonly byte[] AudioFloodChunk = AudioChunk(new byte[9_600], "audio/pcm;rate=24000");

    public static byte[] SetupComplete(string? sessionId) => Build(w => Object(w, "setupComplete", () =>
    {
        if (sessionId is not null)
        {
            w.WriteString("sessionId", sessionId);
        }
    }));

    public static byte[] TextChunk(string text) => Build(w => Object(w, "serverContent", () =>
    {
        w.WriteStartObject("modelTurn");
        w.WriteString("role", "model");
        w.WriteStartArray("parts");
        w.WriteStartObject();
        w.WriteString("text", text);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }));

    public static byte[] AudioChunk(ReadOnlySpan<byte> pcm, string mimeType)
    {
        var buffer = new ArrayBufferWriter<byte>(pcm.Length * 4 / 3 + 128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("serverContent");
            w.WriteStartObject("modelTurn");
            w.WriteString("role", "model");
            w.WriteStartArray("parts");
            w.WriteStartObject();
            w.WriteStartObject("inlineData");
            w.WriteString("mimeType", mimeType);
            w.WriteBase64String("data", pcm);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Transcription(string member, string text, bool? finished) => Build(w => Object(w, "serverContent", () =>
    {
        w.WriteStartObject(member);
        w.WriteString("text", text);
        if (finished is { } f)
        {
            w.WriteBoolean("finished", f);
        }

        w.WriteEndObject();
    }));

    /// <summary>
    /// turnComplete with usageMetadata in the same frame, as the service sends it; models that report it add
    /// <c>interactionStatus</c> (IN_PROGRESS when they will speak again, IDLE when done).
    /// </summary>
    public static byte[] TurnComplete(int promptTokens, int responseTokens, bool vertex, string? interactionStatus = null, string modality = "TEXT") => Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("serverContent");
        w.WriteBoolean("turnComplete", true);
        if (interactionStatus is not null)
        {
            w.WriteString("interactionStatus", interactionStatus);
        }

        w.WriteEndObject();
        Usage(w, promptTokens, responseTokens, vertex, modality);
        w.WriteEndObject();
    });

    /// <summary>turnComplete with only an interactionStatus: the end of one of several speeches of one reply.</summary>
    public static byte[] TurnCompleteWith(string interactionStatus) => Build(w => Object(w, "serverContent", () =>
    {
        w.WriteBoolean("turnComplete", true);
        w.WriteString("interactionStatus", interactionStatus);
    }));

    /// <summary>An empty serverContent carrying only usageMetadata, which Gemini 3.x sends before a reply's first chunk.</summary>
    public static byte[] UsageOnly(int promptTokens, bool vertex) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("serverContent");
        w.WriteEndObject();
        Usage(w, promptTokens, 0, vertex);
        w.WriteEndObject();
    });

    private static void Usage(Utf8JsonWriter w, int promptTokens, int responseTokens, bool vertex, string modality = "TEXT")
    {
        w.WriteStartObject("usageMetadata");
        w.WriteNumber("promptTokenCount", promptTokens);
        w.WriteNumber(vertex ? "candidatesTokenCount" : "responseTokenCount", responseTokens);
        w.WriteNumber("totalTokenCount", promptTokens + responseTokens);
        w.WriteStartArray(vertex ? "candidatesTokensDetails" : "responseTokensDetails");
        w.WriteStartObject();
        w.WriteString("modality", modality);
        w.WriteNumber("tokenCount", responseTokens);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>A toolCall; models that report it add a top-level <c>interactionStatus</c> beside it (IDLE: waiting for the answer).</summary>
    public static byte[] ToolCall(string id, string name, JsonElement args, string? interactionStatus = null) => Build(w =>
    {
        w.WriteStartObject();
        w.WriteStartObject("toolCall");
        w.WriteStartArray("functionCalls");
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteString("name", name);
        w.WritePropertyName("args");
        args.WriteTo(w);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        if (interactionStatus is not null)
        {
            w.WriteString("interactionStatus", interactionStatus);
        }

        w.WriteEndObject();
    });

    public static byte[] ToolCallCancellation(IEnumerable<string> ids) => Build(w => Object(w, "toolCallCancellation", () =>
    {
        w.WriteStartArray("ids");
        foreach (var id in ids)
        {
            w.WriteStringValue(id);
        }

        w.WriteEndArray();
    }));

    public static byte[] GoAway(TimeSpan timeLeft) => Build(w => Object(w, "goAway", () => w.WriteString("timeLeft", Duration(timeLeft))));

    /// <summary>A protobuf Duration in proto3 JSON: whole seconds, then 0, 3, 6 or 9 fraction digits, then <c>s</c> ("300s", "1.500s", "3.000000100s").</summary>
    public static string Duration(TimeSpan span)
    {
        var seconds = span.Ticks / TimeSpan.TicksPerSecond;
        var nanos = span.Ticks % TimeSpan.TicksPerSecond * 100;
        var fraction = nanos == 0 ? ""
            : nanos % 1_000_000 == 0 ? "." + (nanos / 1_000_000).ToString("000", CultureInfo.InvariantCulture)
            : nanos % 1_000 == 0 ? "." + (nanos / 1_000).ToString("000000", CultureInfo.InvariantCulture)
            : "." + nanos.ToString("000000000", CultureInfo.InvariantCulture);
        return seconds.ToString(CultureInfo.InvariantCulture) + fraction + "s";
    }

    public static byte[] ResumptionUpdate(string handle, long? lastConsumedIndex) => Build(w => Object(w, "sessionResumptionUpdate", () =>
    {
        w.WriteString("newHandle", handle);
        w.WriteBoolean("resumable", true);
        if (lastConsumedIndex is { } index)
        {
            // int64 travels as a JSON string in proto3 JSON.
            w.WriteString("lastConsumedClientMessageIndex", index.ToString(CultureInfo.InvariantCulture));
        }
    }));

    /// <summary>A text chunk of exactly <paramref name="bytes"/> bytes (or the smallest one, when that is fewer).</summary>
    public static byte[] Huge(int bytes) => TextChunk(new string('x', Math.Max(0, bytes - TextChunk("").Length)));

    public static byte[] UpgradeError(int status, string message) => Build(w => Object(w, "error", () =>
    {
        w.WriteNumber("code", status);
        w.WriteString("message", message);
        w.WriteString("status", StatusName(status));
    }));

    private static string StatusName(int status) => status switch
    {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        429 => "RESOURCE_EXHAUSTED",
        500 => "INTERNAL",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        _ => "UNKNOWN",
    };

    private static void Object(Utf8JsonWriter w, string member, Action body)
    {
        w.WriteStartObject();
        w.WriteStartObject(member);
        body();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
