using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>New input interrupted the model's reply: stop playing what was received of it.</summary>
    public sealed record Interrupted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        public Interrupted(ServerMessage message) : base(message)
        {
        }
    }
}
