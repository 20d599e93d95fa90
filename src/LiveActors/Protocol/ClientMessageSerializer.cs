using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Unicode;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Protocol;

/// <summary>
/// Writes client messages as the compact UTF-8 JSON the service expects, straight into a buffer writer (no
/// intermediate strings), and reads them back (for proxies, recorders and tests).
/// </summary>
public static class ClientMessageSerializer
{
    /// <summary>Compact output, no validation (the records are well-formed by construction).</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Indented = false };

    /// <summary>Writes <paramref name="message"/> to <paramref name="output"/>.</summary>
    public static void Serialize(ClientMessage message, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        Serialize(message, writer);
    }

    /// <summary>Writes <paramref name="message"/> with <paramref name="writer"/> and flushes it.</summary>
    public static void Serialize(ClientMessage message, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        switch (message)
        {
            case RawClientMessage raw:
                raw.Json.WriteTo(writer);
                break;
            case Setup setup:
                Write(writer, "setup"u8, setup, LiveJsonContext.Default.Setup);
                break;
            case ClientContent content:
                Write(writer, "clientContent"u8, content, LiveJsonContext.Default.ClientContent);
                break;
            case RealtimeInput input:
                Write(writer, "realtimeInput"u8, input, LiveJsonContext.Default.RealtimeInput);
                break;
            case ToolResponse response:
                Write(writer, "toolResponse"u8, response, LiveJsonContext.Default.ToolResponse);
                break;
            case ContextUpdate update:
                Write(writer, "contextUpdate"u8, update, LiveJsonContext.Default.ContextUpdate);
                break;
            default:
                throw new ArgumentException($"Unknown client message type {message.GetType().Name}.", nameof(message));
        }

        writer.Flush();
    }

    // The envelope by hand ({"kind": message}): no envelope record per message, one member written, not four looked at.
    private static void Write<T>(Utf8JsonWriter writer, ReadOnlySpan<byte> kind, T message, JsonTypeInfo<T> type)
    {
        writer.WriteStartObject();
        writer.WritePropertyName(kind);
        JsonSerializer.Serialize(writer, message, type);
        writer.WriteEndObject();
    }

    /// <summary>The message as a new byte array of UTF-8 JSON.</summary>
    public static byte[] SerializeToUtf8Bytes(ClientMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Serialize(message, buffer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads a client message: a <see cref="Setup"/>, <see cref="ClientContent"/>, <see cref="RealtimeInput"/>,
    /// <see cref="ToolResponse"/> or <see cref="ContextUpdate"/> when the object has exactly one of those members and nothing else, otherwise a
    /// <see cref="RawClientMessage"/> holding the object as it is.
    /// </summary>
    public static bool TryDeserialize(
        ReadOnlySpan<byte> json,
        [NotNullWhen(true)] out ClientMessage? message,
        [NotNullWhen(false)] out ProtocolError? error)
    {
        message = null;
        error = null;
        if (!Utf8.IsValid(json))
        {
            error = new ProtocolError("the message is not valid UTF-8.");
            return false;
        }

        try
        {
            var envelope = JsonSerializer.Deserialize(json, LiveJsonContext.Default.ClientMessageEnvelope);
            message = envelope is null ? null : Unwrap(envelope, json);
        }
        catch (JsonException e)
        {
            error = new ProtocolError($"the message is not valid Live API JSON: {e.Message}");
            return false;
        }

        error = message is null ? new ProtocolError("the message is not a JSON object.") : null;
        return message is not null;
    }

    private static ClientMessage Unwrap(ClientMessageEnvelope envelope, ReadOnlySpan<byte> json)
    {
        ClientMessage?[] members = [envelope.Setup, envelope.ClientContent, envelope.RealtimeInput, envelope.ToolResponse, envelope.ContextUpdate];
        var present = members.Where(m => m is not null).ToArray();
        if (present.Length == 1 && envelope.AdditionalProperties is not { Count: > 0 })
        {
            return present[0]!;
        }

        using var document = JsonDocument.Parse(json.ToArray());
        return new RawClientMessage(document.RootElement);
    }
}
