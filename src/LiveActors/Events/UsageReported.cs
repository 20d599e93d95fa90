using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>Token counts from the server.</summary>
    public sealed record UsageReported : ServerEvent
    {
        internal UsageReported(ServerMessage message, UsageMetadata usage) : base(message) => Usage = usage;

        /// <summary>The counts.</summary>
        public UsageMetadata Usage { get; }
    }
}
