using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The server reported an error in a message (rather than by closing the connection).</summary>
    public sealed record ServerErrorReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="error">The part of <paramref name="message"/> the event is about.</param>
        public ServerErrorReceived(ServerMessage message, ServerError error) : base(message) => Error = error;

        /// <summary>The error.</summary>
        public ServerError Error { get; }
    }
}
