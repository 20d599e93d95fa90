using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The model's turn is over; it waits for input.</summary>
    public sealed record TurnCompleted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public TurnCompleted(ServerMessage message) : base(message)
        {
        }
    }
}
