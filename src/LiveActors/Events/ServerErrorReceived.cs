using LiveActors.Errors;
using LiveActors.Protocol;

namespace LiveActors.Events;

/// <summary>The server reported an error in a message (rather than by closing the connection).</summary>
public sealed record ServerErrorReceived : ServerEvent
{
    internal ServerErrorReceived(ServerMessage message, ServerError error) : base(message) => Error = error;

    /// <summary>The error.</summary>
    public ServerError Error { get; }
}
