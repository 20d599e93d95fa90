using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A piece of transcription.</summary>
    public sealed record TranscriptionReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="source">Whose audio it transcribes.</param>
        /// <param name="transcription">The part of <paramref name="message"/> the event is about.</param>
        public TranscriptionReceived(ServerMessage message, TranscriptionSource source, Transcription transcription) : base(message)
        {
            Source = source;
            Transcription = transcription;
        }

        /// <summary>Whose audio it transcribes.</summary>
        public TranscriptionSource Source { get; }

        /// <summary>The text.</summary>
        public Transcription Transcription { get; }
    }
}
