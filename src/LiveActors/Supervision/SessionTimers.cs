namespace LiveActors.Supervision;

/// <summary>
/// The session's timers: the name each is started under, and the message it tells the session when it goes off. A
/// timer is started again under its name to move it, and cancelled by it; a message that comes after its state is left
/// is ignored.
/// </summary>
internal static class SessionTimers
{
    /// <summary>The wait before the next connection attempt.</summary>
    public const string RetryTimer = "retry";

    /// <summary>How long a connection must stay up to count as healthy (<c>retry.reset-after</c>).</summary>
    public const string HealthyTimer = "healthy";

    /// <summary>A goAway's handover deadline, once, and its extension for a pending call.</summary>
    public const string HandoverTimer = "handover";

    /// <summary>When to look whether the session has been idle long enough to passivate.</summary>
    public const string IdleTimer = "idle";

    /// <summary>The retry timer went off: connect again.</summary>
    public sealed record RetryNow
    {
        public static readonly RetryNow Instance = new();
    }

    /// <summary>The connection stayed up for <c>retry.reset-after</c>.</summary>
    public sealed record Healthy
    {
        public static readonly Healthy Instance = new();
    }

    /// <summary>The handover's deadline: close the socket, unless a pending call gets its extension.</summary>
    public sealed record HandOverNow
    {
        public static readonly HandOverNow Instance = new();
    }

    /// <summary>Look whether the session may passivate.</summary>
    public sealed record IdleNow
    {
        public static readonly IdleNow Instance = new();
    }
}
