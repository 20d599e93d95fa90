using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A new resumption state from the server (the session keeps the newest resumable handle by itself).</summary>
    public sealed record SessionResumptionUpdated : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="update">The part of <paramref name="message"/> the event is about.</param>
        public SessionResumptionUpdated(ServerMessage message, SessionResumptionUpdate update) : base(message) => Update = update;

        /// <summary>The update; its ToString shows the handle only as a fingerprint.</summary>
        public SessionResumptionUpdate Update { get; }
    }
}
