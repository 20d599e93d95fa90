namespace LiveActors.Protocol;

/// <summary>The server accepted setup; the session is ready for input.</summary>
public sealed record SetupComplete : WireObject
{
    /// <summary>Vertex AI's id for the session (a UUID); absent on the Gemini API.</summary>
    public string? SessionId { get; init; }

    /// <summary>The service's signature of a voice-replication consent, for sessions with a replicated voice.</summary>
    public VoiceConsentSignature? VoiceConsentSignature { get; init; }
}
