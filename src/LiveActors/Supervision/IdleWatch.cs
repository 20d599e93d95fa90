namespace LiveActors.Supervision;

/// <summary>
/// When a region's session passivates: after <see cref="Passivation.After"/> with nothing sent and nothing streaming,
/// when quiet (nothing unconfirmed, no reply streaming, no call pending) and resumable; or, draining for a shutdown, as
/// soon as it is. Times are the scheduler's monotonic clock, given by the caller.
/// </summary>
/// <param name="passivation">How the session passivates; null for a session no region manages, which never does.</param>
internal sealed class IdleWatch(Passivation? passivation)
{
    private TimeSpan _lastActivity;

    /// <summary>A region manages the session: activity is noted, and it may passivate.</summary>
    public bool Enabled => passivation is not null;

    /// <summary>The idle time after which it passivates by itself; null when only its region asks.</summary>
    public TimeSpan? After => passivation?.After;

    /// <summary>The process shuts down: passivate as soon as nothing is in flight.</summary>
    public bool Draining { get; private set; }

    /// <summary>Draining starts; it never stops (the process is on its way out).</summary>
    public void Drain() => Draining = true;

    /// <summary>Activity at <paramref name="now"/>: a send accepted, a reply streaming, a connection ready.</summary>
    public void Touch(TimeSpan now)
    {
        if (Enabled)
        {
            _lastActivity = now;
        }
    }

    /// <summary>How long nothing happened, at <paramref name="now"/>.</summary>
    public TimeSpan IdleFor(TimeSpan now) => now - _lastActivity;

    /// <summary>
    /// It may passivate at <paramref name="now"/>: idle for <paramref name="atLeast"/>, <paramref name="quiet"/>, and
    /// <paramref name="resumable"/> (a handle can bring the conversation back).
    /// </summary>
    public bool MayPassivate(TimeSpan now, TimeSpan atLeast, bool quiet, bool resumable) => Enabled && quiet && resumable && IdleFor(now) >= atLeast;

    /// <summary>When to look again, at <paramref name="now"/>: the rest of the idle time, or a whole one when it is over (it was busy).</summary>
    public TimeSpan? NextCheck(TimeSpan now) => After is { } after ? (IdleFor(now) >= after ? after : after - IdleFor(now)) : null;
}
