using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The server reported an error in a message (rather than by closing the connection).</summary>
    public sealed record ServerErrorReceived : ServerEvent
    {
        internal ServerErrorReceived(ServerMessage message, ServerError error) : base(message) => Error = error;

        /// <summary>The error.</summary>
        public ServerError Error { get; }
    }
}
