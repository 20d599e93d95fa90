namespace LiveActors.Emulator.Wire;

/// <summary>Where server messages go: the connection, which counts them and fires the faults they make due.</summary>
internal interface IServerOutlet
{
    /// <summary>Sends a message, in order behind any held one.</summary>
    Task SendAsync(OutboundFrame frame, CancellationToken ct = default);

    /// <summary>Holds a message back, and everything sent after it, until <paramref name="clientMessages"/> more client messages have arrived.</summary>
    Task HoldAsync(OutboundFrame frame, int clientMessages, CancellationToken ct);
}
