using LiveActors.Protocol;

namespace LiveActors.Events;

/// <summary>An event read from a server message. One message may give several (serverContent with usageMetadata, for example).</summary>
public abstract record ServerEvent : LiveEvent
{
    private protected ServerEvent(ServerMessage message) => Message = message;

    /// <summary>The whole message the event came from.</summary>
    public ServerMessage Message { get; }
}
