namespace LiveActors.Emulator.Faults;

/// <summary>When a fault fires on a connection: after a number of client messages (setup not counted) or server messages (setupComplete not counted).</summary>
/// <param name="ClientMessages">Fire once this many client messages after setup have arrived; null to ignore.</param>
/// <param name="ServerMessages">Fire once this many server messages after setupComplete have been sent; null to ignore.</param>
/// <param name="BeforeFirstHandle">Fire right after setupComplete, before the first resumption update (see <see cref="AtSetupComplete"/>).</param>
public sealed record FaultTrigger(int? ClientMessages = null, int? ServerMessages = null, bool BeforeFirstHandle = false)
{
    /// <summary>Fire right after setupComplete (and after the first resumption update, when the client asked for updates).</summary>
    public static FaultTrigger AfterSetup { get; } = new(ClientMessages: 0);

    /// <summary>
    /// Fire right after setupComplete, before anything else: before the first resumption update, so the client has no
    /// handle yet (an early goAway, as 3.8 has sent one second into a connection, PROTOCOL.md §4.5).
    /// </summary>
    public static FaultTrigger AtSetupComplete { get; } = new(ClientMessages: 0, BeforeFirstHandle: true);

    /// <summary>Fire after <paramref name="count"/> client messages.</summary>
    public static FaultTrigger AfterClientMessages(int count) => new(ClientMessages: count);

    /// <summary>Fire after <paramref name="count"/> server messages.</summary>
    public static FaultTrigger AfterServerMessages(int count) => new(ServerMessages: count);

    internal bool IsDue(int clientMessages, int serverMessages) =>
        (ClientMessages is { } c && clientMessages >= c) || (ServerMessages is { } s && serverMessages >= s);
}
