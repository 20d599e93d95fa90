namespace LiveActors.Emulator;

/// <summary>How an emulated connection ended.</summary>
/// <param name="Kind">Who or what ended it.</param>
/// <param name="CloseCode">The close code, when a close frame was exchanged.</param>
/// <param name="Reason">The close reason or a description.</param>
public sealed record ConnectionEnd(ConnectionEndKind Kind, int? CloseCode = null, string? Reason = null);

/// <summary>Who or what ended an emulated connection.</summary>
public enum ConnectionEndKind
{
    /// <summary>The client sent a close frame.</summary>
    ClientClosed,

    /// <summary>The emulator closed it (a fault, a protocol violation, a goAway deadline).</summary>
    ServerClosed,

    /// <summary>A fault dropped the TCP connection without a close frame.</summary>
    Dropped,

    /// <summary>The client vanished without a close frame.</summary>
    ClientAborted,

    /// <summary>The upgrade was refused with an HTTP status (see <see cref="ConnectionEnd.CloseCode"/>).</summary>
    Rejected,

    /// <summary>The emulator was stopped.</summary>
    EmulatorStopped,
}
