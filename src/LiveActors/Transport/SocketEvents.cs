using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Transport;

/// <summary>A whole server message read and parsed by the receive loop.</summary>
/// <param name="Message">The message.</param>
/// <param name="Bytes">Its size on the wire.</param>
internal sealed record InboundMessage(ServerMessage Message, int Bytes)
{
    /// <summary>Members that had a type their record cannot hold, kept raw: to be reported; null for nearly every message.</summary>
    public IReadOnlyList<string>? OddMembers { get; init; }
}

/// <summary>A whole server frame that was not a Live API message.</summary>
internal sealed record InboundMalformed(ProtocolError Error);

/// <summary>The socket is done: null after a close this side asked for, else why it ended.</summary>
internal sealed record SocketEnded(ConnectionError? Error);

/// <summary>The socket's loops have stopped: the last message written whole, and the one being written when it stopped, if any.</summary>
internal sealed record SocketStopped(long LastWritten, OutboundMessage? InFlight);
