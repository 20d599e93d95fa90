namespace LiveActors.Protocol;

/// <summary>Which voice the model speaks with.</summary>
public sealed record VoiceConfig : WireObject
{
    /// <summary>One of the service's prebuilt voices.</summary>
    public PrebuiltVoiceConfig? PrebuiltVoiceConfig { get; init; }
}
