using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>An explicit voice activity detection signal (<c>voiceActivityDetectionSignal</c>).</summary>
    public sealed record VoiceActivitySignalReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="signal">The part of <paramref name="message"/> the event is about.</param>
        public VoiceActivitySignalReceived(ServerMessage message, VoiceActivityDetectionSignal signal) : base(message) => Signal = signal;

        /// <summary>The signal.</summary>
        public VoiceActivityDetectionSignal Signal { get; }
    }
}
