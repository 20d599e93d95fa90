using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>An explicit voice activity detection signal (<c>voiceActivityDetectionSignal</c>).</summary>
    public sealed record VoiceActivitySignalReceived : ServerEvent
    {
        internal VoiceActivitySignalReceived(ServerMessage message, VoiceActivityDetectionSignal signal) : base(message) => Signal = signal;

        /// <summary>The signal.</summary>
        public VoiceActivityDetectionSignal Signal { get; }
    }
}
