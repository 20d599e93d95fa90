using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A piece of transcription.</summary>
    public sealed record TranscriptionReceived : ServerEvent
    {
        internal TranscriptionReceived(ServerMessage message, TranscriptionSource source, Transcription transcription) : base(message)
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
