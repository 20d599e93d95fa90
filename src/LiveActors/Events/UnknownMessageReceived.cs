using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// A well-formed message that gives no other event: a kind this version does not know (its members are in
    /// <see cref="WireObject.AdditionalProperties"/>), or content whose only members are ones no event covers.
    /// </summary>
    public sealed record UnknownMessageReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public UnknownMessageReceived(ServerMessage message) : base(message)
        {
        }
    }
}
