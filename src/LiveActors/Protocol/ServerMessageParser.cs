using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Unicode;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Protocol;

/// <summary>
/// Turns the bytes of one whole server frame (binary or text: both carry UTF-8 JSON) into a <see cref="ServerMessage"/>,
/// or into a <see cref="ProtocolError"/> that says why it could not. It never throws for bad input and never drops a
/// well-formed object: unknown members are kept, a frame of only unknown members is still a message.
/// </summary>
public static class ServerMessageParser
{
    /// <summary>Parses one frame.</summary>
    /// <param name="frame">The frame's bytes; they are not kept after the call, so a pooled buffer may be reused.</param>
    /// <param name="message">The message, when parsing succeeded.</param>
    /// <param name="error">Why parsing failed, when it did.</param>
    /// <returns>True with a message, false with an error.</returns>
    public static bool TryParse(
        ReadOnlySpan<byte> frame,
        [NotNullWhen(true)] out ServerMessage? message,
        [NotNullWhen(false)] out ProtocolError? error) => TryParse(frame, out message, out error, out _);

    /// <summary>
    /// Parses one frame, and says which members had a type their record cannot hold: those are kept raw in
    /// <see cref="WireObject.AdditionalProperties"/> and the rest of the frame is read, so a turnComplete or a tool call
    /// beside an odd member is not lost. Only a frame that is not a JSON object at all fails.
    /// </summary>
    internal static bool TryParse(
        ReadOnlySpan<byte> frame,
        [NotNullWhen(true)] out ServerMessage? message,
        [NotNullWhen(false)] out ProtocolError? error,
        out IReadOnlyList<string>? oddMembers)
    {
        message = null;
        oddMembers = null;
        error = Check(frame);
        if (error is not null)
        {
            return false;
        }

        try
        {
            message = ServerMessageReader.Read(frame, out oddMembers);
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: a string the reader cannot transcode (a lone surrogate escape, say).
            error = new ProtocolError($"the frame is not valid Live API JSON: {e.Message}");
            return false;
        }
    }

    /// <summary>Parses one frame, throwing <see cref="LiveConnectionException"/> with the <see cref="ProtocolError"/> if it is bad.</summary>
    public static ServerMessage Parse(ReadOnlySpan<byte> frame) =>
        TryParse(frame, out var message, out var error) ? message : throw new LiveConnectionException(error);

    private static ProtocolError? Check(ReadOnlySpan<byte> frame)
    {
        var start = frame.IndexOfAnyExcept(" \t\r\n"u8);
        if (start < 0)
        {
            return new ProtocolError(frame.IsEmpty ? "the frame is empty." : "the frame holds only white space.");
        }

        if (!Utf8.IsValid(frame))
        {
            return new ProtocolError("the frame is not valid UTF-8.");
        }

        return frame[start] == (byte)'{'
            ? null
            : new ProtocolError($"the frame is not a JSON object (it starts with '{(char)frame[start]}').");
    }
}
