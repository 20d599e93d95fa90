namespace LiveActors.Protocol;

/// <summary>The wire shape of a client message: an object with exactly one of these members.</summary>
internal sealed record ClientMessageEnvelope : WireObject
{
    public Setup? Setup { get; init; }

    public ClientContent? ClientContent { get; init; }

    public RealtimeInput? RealtimeInput { get; init; }

    public ToolResponse? ToolResponse { get; init; }

    public ContextUpdate? ContextUpdate { get; init; }
}
