namespace LiveActors;

public static partial class Live
{
    /// <summary>What a <see cref="TranscriptionReceived"/> transcribes.</summary>
    public enum TranscriptionSource
    {
        /// <summary>The user's audio (<c>inputTranscription</c>).</summary>
        Input,

        /// <summary>The model's audio (<c>outputTranscription</c>).</summary>
        Output,

        /// <summary>A provisional transcription of the user's audio (<c>interimInputTranscription</c>).</summary>
        InterimInput,
    }
}
