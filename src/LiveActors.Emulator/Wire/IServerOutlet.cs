namespace LiveActors.Emulator.Wire;

/// <summary>Where server messages go: the connection, which counts them and fires the faults they make due.</summary>
internal interface IServerOutlet
{
    /// <summary>Sends a message, in order behind any held one.</summary>
    Task SendAsync(OutboundFrame frame, CancellationToken ct = default);

    /// <summary>The client messages this connection has received so far.</summary>
    int ClientMessages { get; }

    /// <summary>Holds a message back, and everything sent after it, until the connection has received <paramref name="clientMessages"/> client messages in all.</summary>
    Task HoldAsync(OutboundFrame frame, int clientMessages, CancellationToken ct);
}
