using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The server will end this connection soon (the session can go on over a new one).</summary>
    public sealed record GoAwayReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="goAway">The part of <paramref name="message"/> the event is about.</param>
        public GoAwayReceived(ServerMessage message, GoAway goAway) : base(message) => GoAway = goAway;

        /// <summary>How long the connection has left.</summary>
        public GoAway GoAway { get; }
    }
}
