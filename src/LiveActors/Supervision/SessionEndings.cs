using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Inbox;
using LiveActors.Supervision.Reconnection;
using LiveActors.Supervision.Turns;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Supervision;

/// <summary>
/// What an ending leaves, and for whom: a socket that was lost, handed over, closed or passivated (what it carried goes
/// again or is reported uncertain, the reply it cut and the calls it took are reported), a process that stopped with the
/// session open, and the session's own end (everything held and every waiting receiver hears why, then the last
/// events). Each call returns the <see cref="Effects"/> the actor performs.
/// </summary>
internal sealed class SessionEndings
{
    private readonly SessionResumptionOptions _resumptionOptions;
    private readonly int _retryAttempts;
    private readonly Resumption _resumption;
    private readonly DeliveryDesk _desk;
    private readonly ToolCallPlanner _calls;
    private readonly PullInbox _inbox;
    private readonly DeliveryReports _reports;
    private readonly ILogger _logger;

    /// <summary>The endings of a session with <paramref name="options"/>, whose live traffic is <paramref name="traffic"/>.</summary>
    public SessionEndings(LiveConnectionOptions options, Resumption resumption, SessionTraffic traffic, ILogger logger)
    {
        _resumptionOptions = options.SessionResumption;
        _retryAttempts = options.Retry.Attempts;
        _resumption = resumption;
        _desk = traffic.Desk;
        _calls = traffic.Calls;
        _inbox = traffic.Inbox;
        _reports = traffic.Reports;
        _logger = logger;
    }

    /// <summary>
    /// A socket was lost with <paramref name="cause"/> (dropped, or handed over): the reply it cut is reported (and, with
    /// ask-again-after-cut-reply and resumption, its turn goes again first, once), the calls it took are reported
    /// cancelled (the resumed session will not know them), and what it carried is settled.
    /// </summary>
    public Effects Lost(ConnectionEnded ended, ConnectionError cause)
    {
        if (_desk.CutReply(askAgain: _resumptionOptions is { Enabled: true, AskAgainAfterCutReply: true }) is { } cut)
        {
            Log.ReplyCut(_logger, cut.Sequence ?? -1, cut.AskedAgain);
            _reports.Effects.Publish(new ReplyCut(cut.Sequence, cut.Correlation, cause) { AskedAgain = cut.AskedAgain });
        }

        if (_calls.ConnectionEnded() is { } cancelled)
        {
            _reports.Effects.Publish(cancelled);
        }

        return Settle(ended, cause);
    }

    /// <summary>
    /// A socket dropped with <paramref name="error"/> and <paramref name="next"/> is what the reconnect policy made of it:
    /// what it leaves is <see cref="Lost"/>'s, then the subscribers hear what comes next (a refused handle, dropped now,
    /// and a new server session; a retry, at once or after its wait). A give-up is <see cref="GiveUp"/>'s.
    /// </summary>
    public Effects Dropped(ConnectionEnded ended, ConnectionError error, Reconnect next)
    {
        Lost(ended, error);
        Log.Disconnected(_logger, error.Code, error.Message);
        switch (next)
        {
            case Reconnect.StartFresh:
                _resumption.Refused();
                Log.ResumptionRefused(_logger, error.Code, error.Message);
                _reports.Effects.Publish(new ResumptionRefused(error));
                break;
            case Reconnect.RetryNow:
                _reports.Effects.Publish(new Disconnected(error, WillRetry: true, TimeSpan.Zero));
                SessionTelemetry.RetryScheduled();
                break;
            case Reconnect.RetryAfter retry:
                Log.Retrying(_logger, retry.Delay, retry.Attempt, _retryAttempts, error.Code);
                SessionTelemetry.RetryScheduled();
                _reports.Effects.Publish(new Disconnected(error, WillRetry: true, retry.Delay));
                break;
        }

        return _reports.Effects;
    }

    /// <summary>The socket was closed to hand over after goAway: what it leaves is <see cref="Lost"/>'s.</summary>
    public Effects HandedOver(ConnectionEnded ended)
    {
        Lost(ended, new ConnectionFailed("the connection was handed over after goAway."));
        Log.HandedOver(_logger);
        return _reports.Effects;
    }

    /// <summary>The socket was closed to passivate the session: what it carried is settled.</summary>
    public Effects Passivated(ConnectionEnded ended) =>
        Settle(ended, ended.Error ?? new ConnectionFailed("the connection was closed to passivate the session."));

    /// <summary>A socket ended with <paramref name="cause"/>: what it carried goes again or is reported uncertain.</summary>
    public Effects Settle(ConnectionEnded ended, ConnectionError cause)
    {
        _reports.Report(_desk.Settle(ended.LastWritten, ended.InFlight, cause, _calls));
        _reports.ReportDone();
        return _reports.Effects;
    }

    /// <summary>The socket closed as the session asked: what was written before a clean close is settled as closed.</summary>
    public Effects Closed(ConnectionEnded ended)
    {
        if (ended.Error is null)
        {
            _desk.ClosedGracefully(ended.LastWritten);
        }

        return Settle(ended, ended.Error ?? SessionClosed.Instance);
    }

    /// <summary>
    /// A process stopped with this session open and this one took it over: what the server had not shown it had goes
    /// again or is reported, by the uncertain-messages rule of a reconnect, and a handle too old to resume with is said.
    /// </summary>
    public Effects Recover(RecoveredSession recovered)
    {
        Log.Recovered(_logger, recovered.Handle is not null, recovered.Unconfirmed.Count);
        if (recovered.HandleTooOld)
        {
            _reports.Effects.Publish(new ResumptionRefused(new ConnectionFailed("the stored resumption handle is older than the service keeps a session; a new session starts.")));
        }

        _reports.Report(_desk.Recover(recovered.Unconfirmed, resumable: _resumption.Handle is not null));
        _reports.ReportDone();
        return _reports.Effects;
    }

    /// <summary>The session is over with <paramref name="error"/>: every message still held and every waiting receiver hears it.</summary>
    public Effects End(ConnectionError error)
    {
        foreach (var message in _desk.TakeAll())
        {
            _reports.Fail(new SendFailure(message, error));
        }

        foreach (var (id, receiver) in _inbox.TakeWaiting())
        {
            _reports.Effects.CancelTimer(SessionTraffic.ReceiveTimerKey(id));
            _reports.Effects.Tell(receiver, new Status.Failure(new LiveConnectionException(error)));
        }

        return _reports.Effects;
    }

    /// <summary>
    /// The session was closed as <paramref name="requesters"/> asked: each hears Closed once, as its answer or as a
    /// subscriber; a region's session (<paramref name="regionAnswers"/>) leaves the answer to its region, which first
    /// marks the session ending, so a caller that asks for the id again once closed always gets a new session.
    /// </summary>
    public Effects Close(IReadOnlyCollection<IActorRef> requesters, bool regionAnswers)
    {
        End(SessionClosed.Instance);
        if (!regionAnswers)
        {
            foreach (var requester in requesters)
            {
                _reports.Effects.Tell(requester, Live.Closed.Instance);
            }
        }

        _reports.Effects.Publish(Live.Closed.Instance, except: requesters);
        Log.Closed(_logger);
        return _reports.Effects;
    }

    /// <summary>The session gives up with <paramref name="error"/>: the last Disconnected carries the last attempt's own error, then GaveUp.</summary>
    public Effects GiveUp(ConnectionError error)
    {
        Log.GaveUp(_logger, error.Code, error.Message);
        End(error);
        _reports.Effects.Publish(new Disconnected(error is MaxRetriesExceeded retries ? retries.LastError : error, WillRetry: false, null));
        _reports.Effects.Publish(new GaveUp(error));
        return _reports.Effects;
    }
}
