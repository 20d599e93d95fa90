namespace LiveActors.Protocol;

/// <summary>The service's signature of a voice-replication consent (<see cref="SetupComplete.VoiceConsentSignature"/>).</summary>
public sealed record VoiceConsentSignature : WireObject
{
    /// <summary>The signature, opaque.</summary>
    public string? Signature { get; init; }
}
