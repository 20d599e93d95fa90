using LiveActors.Errors;

namespace LiveActors.Transport;

// The messages between a ConnectionSupervisor and its ConnectionActor. Internal: users talk to the supervisor only.

/// <summary>
/// Child to parent: setupComplete arrived; messages may flow. The parent writes to <paramref name="Writer"/> itself from
/// now on (setup and the initial history are on it already), until it hears <see cref="ConnectionEnded"/>.
/// </summary>
internal sealed record SocketReady(string? SessionId, SocketWriter Writer);

/// <summary>
/// Child to parent, its last word: the socket is gone. <paramref name="Error"/> is null when it closed because the
/// parent asked. Everything up to <paramref name="LastWritten"/> was written; <paramref name="InFlight"/> was being written.
/// </summary>
internal sealed record ConnectionEnded(ConnectionError? Error, long LastWritten, OutboundMessage? InFlight);

/// <summary>Writer to parent: every message up to this sequence number has been written (after writes that had to wait).</summary>
internal sealed record Written(long Sequence);

/// <summary>Parent to child: close the socket gracefully.</summary>
internal sealed record CloseSocket
{
    public static readonly CloseSocket Instance = new();
}
