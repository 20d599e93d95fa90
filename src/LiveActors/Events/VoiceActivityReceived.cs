using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The server's voice activity detection saw speech start or end (<c>voiceActivity</c>).</summary>
    public sealed record VoiceActivityReceived : ServerEvent
    {
        internal VoiceActivityReceived(ServerMessage message, VoiceActivity activity) : base(message) => Activity = activity;

        /// <summary>What it saw.</summary>
        public VoiceActivity Activity { get; }
    }
}
