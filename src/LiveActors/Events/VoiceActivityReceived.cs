using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The server's voice activity detection saw speech start or end (<c>voiceActivity</c>).</summary>
    public sealed record VoiceActivityReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="activity">The part of <paramref name="message"/> the event is about.</param>
        public VoiceActivityReceived(ServerMessage message, VoiceActivity activity) : base(message) => Activity = activity;

        /// <summary>What it saw.</summary>
        public VoiceActivity Activity { get; }
    }
}
