namespace LiveActors.Protocol;

/// <summary>
/// The first message of every connection (<c>{"setup":{...}}</c>): the model and the session's configuration.
/// Configuration cannot change on an open connection; everything but the model may change on a resumed one.
/// </summary>
public sealed record Setup : ClientMessage
{
    /// <summary>
    /// The model: <c>models/NAME</c> (Gemini API) or <c>projects/P/locations/L/publishers/google/models/NAME</c> (Vertex AI).
    /// Left null in <c>LiveConnectionOptions.Setup</c>, it is filled in from the options.
    /// </summary>
    public string? Model { get; init; }

    /// <summary>Output modalities, sampling, speech and thinking.</summary>
    public GenerationConfig? GenerationConfig { get; init; }

    /// <summary>Instructions for the model (text parts; role optional).</summary>
    public Content? SystemInstruction { get; init; }

    /// <summary>Tools the model may use.</summary>
    public IReadOnlyList<Tool>? Tools { get; init; }

    /// <summary>Voice activity detection and interruption.</summary>
    public RealtimeInputConfig? RealtimeInputConfig { get; init; }

    /// <summary>Resumption: <c>{}</c> for handles on a new session, or a handle to resume.</summary>
    public SessionResumptionConfig? SessionResumption { get; init; }

    /// <summary>Context compression, for sessions without a length limit.</summary>
    public ContextWindowCompression? ContextWindowCompression { get; init; }

    /// <summary>Transcribe the user's audio.</summary>
    public AudioTranscriptionConfig? InputAudioTranscription { get; init; }

    /// <summary>Transcribe the model's audio.</summary>
    public AudioTranscriptionConfig? OutputAudioTranscription { get; init; }

    /// <summary>Let the model ignore input not meant for it.</summary>
    public ProactivityConfig? Proactivity { get; init; }

    /// <summary>How initial history is given.</summary>
    public HistoryConfig? HistoryConfig { get; init; }

    /// <summary>Vertex AI only: send explicit voice-activity signals.</summary>
    public bool? ExplicitVadSignal { get; init; }

    /// <summary>Safety filter thresholds.</summary>
    public IReadOnlyList<SafetySetting>? SafetySettings { get; init; }
}
