using LiveActors.Errors;
using LiveActors.Options;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision.Reconnection;

/// <summary>
/// What a session does when a connection drops, and the counts its status reports: the run of failed attempts, the
/// last error, the connections that reached setupComplete. Failed attempt n waits <see cref="RetrySchedule"/>'s delay,
/// at most <c>retry.attempts</c> times in a row; a connection that stayed up for <c>retry.reset-after</c> (it was
/// <see cref="Healthy"/>) is retried at once with a fresh count; a non-retryable error gives up; and a resumption
/// handle the server refuses before setupComplete starts a fresh server session instead, as does a handle whose resumes
/// failed <paramref name="maxResumesPerHandle"/> times in a row (a poisoned handle: resuming with it again would loop).
/// </summary>
/// <param name="retry">The retry options.</param>
/// <param name="delayOf">The wait before a given attempt; <see cref="RetrySchedule.Delay(RetryOptions, int)"/> (with its jitter) by default.</param>
/// <param name="maxResumesPerHandle">How many resumes in a row one handle may fail (<c>session-resumption.max-resumes-per-handle</c>).</param>
internal sealed class ReconnectPolicy(RetryOptions retry, Func<int, TimeSpan>? delayOf = null, int maxResumesPerHandle = int.MaxValue)
{
    private readonly Func<int, TimeSpan> _delayOf = delayOf ?? (attempt => RetrySchedule.Delay(retry, attempt));

    /// <summary>The current run of failed attempts: 0 once a connection is healthy, or after a handover or a wake.</summary>
    public int Attempt { get; private set; }

    /// <summary>The error of the last drop, until a connection reaches setupComplete.</summary>
    public ConnectionError? LastError { get; private set; }

    /// <summary>How many connections reached setupComplete.</summary>
    public int Connections { get; private set; }

    /// <summary>How long a connection must stay up before its drop counts as a new run.</summary>
    public TimeSpan ResetAfter => retry.ResetAfter;

    /// <summary>A connection reached setupComplete: the last error is history.</summary>
    public void Connected()
    {
        LastError = null;
        Connections++;
    }

    /// <summary>The connection stayed up for <see cref="ResetAfter"/>: the run of failures is over.</summary>
    public void Healthy() => Attempt = 0;

    /// <summary>A new connection for a reason that is no failure (a handover, a wake): the count starts again.</summary>
    public void StartOver() => Attempt = 0;

    /// <summary>
    /// A connection dropped with <paramref name="error"/>; <paramref name="resuming"/> when it presented a handle,
    /// <paramref name="wasReady"/> when it reached setupComplete, <paramref name="wasHealthy"/> when it stayed up for
    /// <see cref="ResetAfter"/>; <paramref name="failedResumes"/> counts the resumes in a row, this one included, that
    /// ended before a reply (<see cref="Resumption.FailedResumes"/>). Counts the attempt, and says what comes next.
    /// </summary>
    public Reconnect AfterDrop(ConnectionError error, bool resuming, bool wasReady, bool wasHealthy, int failedResumes = 0)
    {
        LastError = error;
        if (resuming && !wasReady && error is ServerClosed { CloseCode: 1007 or 1008, IsRetryable: false })
        {
            // docs/live-api.md: a stale or refused handle is closed with 1008; a fresh session starts, once (no handle, no loop).
            return new Reconnect.StartFresh();
        }

        if (!error.IsRetryable)
        {
            return new Reconnect.GiveUp(error);
        }

        if (resuming && failedResumes >= maxResumesPerHandle)
        {
            // A poisoned handle: every resume with it dies before a reply. Abandon it for a fresh session, healthy or not.
            return new Reconnect.StartFresh();
        }

        if (wasHealthy)
        {
            Attempt = 0;
            return new Reconnect.RetryNow();
        }

        Attempt++;
        return Attempt > retry.Attempts
            ? new Reconnect.GiveUp(new MaxRetriesExceeded(Attempt, error))
            : new Reconnect.RetryAfter(_delayOf(Attempt), Attempt);
    }
}

/// <summary>What comes after a drop.</summary>
internal abstract record Reconnect
{
    private Reconnect()
    {
    }

    /// <summary>Connect again without the refused (or abandoned) handle: a new server session.</summary>
    public sealed record StartFresh : Reconnect;

    /// <summary>The session is over: <paramref name="Error"/> says why.</summary>
    public sealed record GiveUp(ConnectionError Error) : Reconnect;

    /// <summary>Connect again at once, with a fresh count: the connection had been healthy.</summary>
    public sealed record RetryNow : Reconnect;

    /// <summary>Connect again after <paramref name="Delay"/>, the wait of the <paramref name="Attempt"/>th attempt in a row.</summary>
    public sealed record RetryAfter(TimeSpan Delay, int Attempt) : Reconnect;
}
