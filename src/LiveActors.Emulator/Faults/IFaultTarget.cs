using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator.Faults;

/// <summary>The connection as a fault acts on it.</summary>
internal interface IFaultTarget : IServerOutlet
{
    /// <summary>Server messages after setupComplete so far.</summary>
    int ServerMessagesAfterSetup { get; }

    /// <summary>True while the emulator may still write.</summary>
    bool IsOpen { get; }

    /// <summary>Ends the connection with no close frame, as a network failure would.</summary>
    void Drop();

    /// <summary>Closes with a code and reason.</summary>
    Task CloseAsync(int code, string reason);

    /// <summary>Reads no more client messages.</summary>
    void StopReading();
}
