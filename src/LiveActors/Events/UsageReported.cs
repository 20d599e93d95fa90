using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>Token counts from the server.</summary>
    public sealed record UsageReported : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="usage">The part of <paramref name="message"/> the event is about.</param>
        public UsageReported(ServerMessage message, UsageMetadata usage) : base(message) => Usage = usage;

        /// <summary>The counts.</summary>
        public UsageMetadata Usage { get; }
    }
}
