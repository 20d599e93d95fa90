namespace LiveActors.Options;

/// <summary>
/// How a session reconnects: attempt n (1-based) waits <c>min(MaxDelay, Delay * Backoff^(n-1))</c>, optionally
/// spread by <see cref="Jitter"/>. With the defaults (3 attempts, 1 s, x2) the waits are 1 s, 2 s, 4 s, as in gemini_ex.
/// </summary>
public sealed record RetryOptions
{
    /// <summary>How many reconnects are tried in a row before giving up (0: never retry). HOCON <c>retry.attempts</c>.</summary>
    public int Attempts { get; init; } = LiveDefaults.RetryAttempts;

    /// <summary>The wait before the first retry. HOCON <c>retry.delay</c>.</summary>
    public TimeSpan Delay { get; init; } = LiveDefaults.RetryDelay;

    /// <summary>The multiplier between consecutive waits, at least 1.0. HOCON <c>retry.backoff</c>.</summary>
    public double Backoff { get; init; } = LiveDefaults.RetryBackoff;

    /// <summary>The longest wait, whatever the attempt. HOCON <c>retry.max-delay</c>.</summary>
    public TimeSpan MaxDelay { get; init; } = LiveDefaults.RetryMaxDelay;

    /// <summary>
    /// A random spread in [0, 1]: each wait is multiplied by a factor drawn from [1 - Jitter, 1 + Jitter] (and still
    /// capped by <see cref="MaxDelay"/>). 0, the default, keeps the schedule exact. HOCON <c>retry.jitter</c>.
    /// </summary>
    public double Jitter { get; init; } = LiveDefaults.RetryJitter;

    /// <summary>
    /// How long a connection must stay up to count as healthy: its drop then resets the attempt count and is retried at
    /// once; a drop sooner counts as one more failed attempt, so a server that accepts and drops cannot make the client
    /// spin. HOCON <c>retry.reset-after</c>.
    /// </summary>
    public TimeSpan ResetAfter { get; init; } = LiveDefaults.RetryResetAfter;
}
