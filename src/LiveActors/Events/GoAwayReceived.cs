using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The server will end this connection soon (the session can go on over a new one).</summary>
    public sealed record GoAwayReceived : ServerEvent
    {
        internal GoAwayReceived(ServerMessage message, GoAway goAway) : base(message) => GoAway = goAway;

        /// <summary>How long the connection has left.</summary>
        public GoAway GoAway { get; }
    }
}
