namespace LiveActors.Options;

/// <summary>Limits on the sends a session holds while no connection is ready to take them.</summary>
public sealed record OutboundQueueOptions
{
    /// <summary>The most messages held. HOCON <c>outbound-queue.max-messages</c>.</summary>
    public int MaxMessages { get; init; } = LiveDefaults.OutboundMaxMessages;

    /// <summary>The most serialized bytes held. HOCON <c>outbound-queue.max-bytes</c>.</summary>
    public long MaxBytes { get; init; } = LiveDefaults.OutboundMaxBytes;
}
