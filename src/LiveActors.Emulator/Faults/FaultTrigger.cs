namespace LiveActors.Emulator.Faults;

/// <summary>When a fault fires on a connection: after a number of client messages (setup not counted) or server messages (setupComplete not counted).</summary>
/// <param name="ClientMessages">Fire once this many client messages after setup have arrived; null to ignore.</param>
/// <param name="ServerMessages">Fire once this many server messages after setupComplete have been sent; null to ignore.</param>
public sealed record FaultTrigger(int? ClientMessages = null, int? ServerMessages = null)
{
    /// <summary>Fire right after setupComplete.</summary>
    public static FaultTrigger AfterSetup { get; } = new(ClientMessages: 0);

    /// <summary>Fire after <paramref name="count"/> client messages.</summary>
    public static FaultTrigger AfterClientMessages(int count) => new(ClientMessages: count);

    /// <summary>Fire after <paramref name="count"/> server messages.</summary>
    public static FaultTrigger AfterServerMessages(int count) => new(ServerMessages: count);

    internal bool IsDue(int clientMessages, int serverMessages) =>
        (ClientMessages is { } c && clientMessages >= c) || (ServerMessages is { } s && serverMessages >= s);
}
