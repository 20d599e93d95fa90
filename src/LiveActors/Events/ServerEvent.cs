using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>An event read from a server message. One message may give several (serverContent with usageMetadata, for example).</summary>
    public abstract record ServerEvent : Event
    {
        private protected ServerEvent(ServerMessage message) => Message = message;

        /// <summary>The whole message the event came from.</summary>
        public ServerMessage Message { get; }
    }
}
