namespace LiveActors.Protocol;

/// <summary>Lets the model decide not to answer input that is not meant for it.</summary>
public sealed record ProactivityConfig : WireObject
{
    /// <summary>True to let the model stay silent or ignore irrelevant audio.</summary>
    public bool? ProactiveAudio { get; init; }
}
