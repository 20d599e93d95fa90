namespace LiveActors.Supervision.Reconnection;

/// <summary>
/// A goAway's handover: the socket closes as soon as nothing written on it waits for the server, no tool call is
/// pending and no reply streams, or at half the time left; a pending call, which would be lost with the connection,
/// gets one extension to nearly the end of the time left (0.9 of it).
/// </summary>
/// <param name="TimeLeft">The time the server gave before it cuts the connection.</param>
/// <param name="Extended">The one extension is used.</param>
internal sealed record Handover(TimeSpan TimeLeft, bool Extended = false)
{
    /// <summary>The time left assumed when goAway does not say.</summary>
    public static readonly TimeSpan AssumedTimeLeft = TimeSpan.FromSeconds(2);

    /// <summary>A handover for a goAway that gave <paramref name="timeLeft"/> (null: <see cref="AssumedTimeLeft"/>).</summary>
    public static Handover After(TimeSpan? timeLeft) => new(timeLeft ?? AssumedTimeLeft);

    /// <summary>When the socket closes at the latest, with nothing pending.</summary>
    public TimeSpan Deadline => TimeLeft / 2;

    /// <summary>At the deadline: the extra wait a pending tool call gets, once; null to close now.</summary>
    public TimeSpan? ExtensionFor(bool callPending) => callPending && !Extended ? TimeLeft * 0.4 : null;

    /// <summary>
    /// The socket may close now: what it carries is confirmed (<paramref name="onConnection"/> is what was handed to it
    /// and not yet confirmed; what waits for the next connection does not count), no call is pending, and no reply is cut.
    /// </summary>
    public static bool CanCloseNow(int onConnection, bool callPending, bool replyStreaming) => onConnection == 0 && !callPending && !replyStreaming;
}
