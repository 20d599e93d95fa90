namespace LiveActors.Protocol;

/// <summary>A prebuilt voice by name.</summary>
public sealed record PrebuiltVoiceConfig : WireObject
{
    /// <summary>The voice's name, for example <c>Kore</c>.</summary>
    public string? VoiceName { get; init; }
}
