namespace LiveActors.Protocol;

/// <summary>An explicit voice-activity signal.</summary>
public sealed record VoiceActivityDetectionSignal : WireObject
{
    /// <summary><c>VAD_SIGNAL_TYPE_SOS</c> (start of speech) or <c>VAD_SIGNAL_TYPE_EOS</c> (end of speech).</summary>
    public string? VadSignalType { get; init; }
}
