using Akka.Actor;

namespace LiveActors.Supervision;

/// <summary>
/// How a session managed by a region passivates: after <paramref name="After"/> with nothing sent and nothing streaming
/// it closes its socket and keeps its handle, and it tells its parent (the region) when it passivates and wakes.
/// </summary>
/// <param name="After">The idle time; null never passivates by itself (the region may still ask it to).</param>
internal sealed record Passivation(TimeSpan? After);

/// <summary>Region to session: passivate now if idle (the region holds too many open sessions); ignored when busy.</summary>
internal sealed record PassivateIfIdle
{
    public static readonly PassivateIfIdle Instance = new();
}

/// <summary>Session to region: its socket is closed, its handle kept.</summary>
internal sealed record SessionPassivated
{
    public static readonly SessionPassivated Instance = new();
}

/// <summary>
/// Session to region: it closed or gave up and is stopping; what comes for its id now is for a new session. The region
/// answers <paramref name="CloseRequesters"/> with Closed, after it has marked the session ending, so a caller that
/// asks for the id again once closed always gets a new session. <paramref name="GaveUpWith"/>: the error it gave up
/// with, for the region's health; null when it was closed.
/// </summary>
internal sealed record SessionEnding(IReadOnlyList<IActorRef> CloseRequesters, Errors.ConnectionError? GaveUpWith = null);

/// <summary>Session to region: a Send woke it; it is connecting again.</summary>
internal sealed record SessionWoke
{
    public static readonly SessionWoke Instance = new();
}

/// <summary>
/// Region to session, as its process shuts down: passivate as soon as nothing is in flight (nothing unconfirmed, no
/// reply streaming, no call pending, a handle that covers it all), so a later process resumes exactly where it stood.
/// Answered with <see cref="SessionDrained"/>.
/// </summary>
internal sealed record DrainForShutdown
{
    public static readonly DrainForShutdown Instance = new();
}

/// <summary>Session to region: it is passivated for the shutdown, or it has nothing a handle could keep.</summary>
internal sealed record SessionDrained
{
    public static readonly SessionDrained Instance = new();
}
