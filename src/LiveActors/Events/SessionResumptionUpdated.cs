using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A new resumption state from the server (the session keeps the newest resumable handle by itself).</summary>
    public sealed record SessionResumptionUpdated : ServerEvent
    {
        internal SessionResumptionUpdated(ServerMessage message, SessionResumptionUpdate update) : base(message) => Update = update;

        /// <summary>The update; its ToString shows the handle only as a fingerprint.</summary>
        public SessionResumptionUpdate Update { get; }
    }
}
