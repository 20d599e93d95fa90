using Akka.Actor;
using static LiveActors.Live;

namespace LiveActors.Sessions;

/// <summary>
/// One answer to <see cref="LiveSessions.GetRegionHealth"/>: asks every session of the region for its status at once,
/// counts the answers, and replies when all have come or the timeout has passed (the rest count as unanswered), then
/// stops. A child of the region, so a health check never makes the region wait on its sessions.
/// </summary>
internal sealed class RegionHealthGatherer : ReceiveActor
{
    private readonly RegionGiveUps _gaveUp;
    private readonly IActorRef _requester;
    private readonly int _sessions;
    private int _connected;
    private int _connecting;
    private int _reconnecting;
    private int _handingOver;
    private int _passivated;
    private int _ending;
    private int _answered;

    private RegionHealthGatherer(IReadOnlyList<IActorRef> sessions, RegionGiveUps gaveUp, TimeSpan timeout, IActorRef requester)
    {
        _sessions = sessions.Count;
        _gaveUp = gaveUp;
        _requester = requester;
        Receive<StatusReport>(Count);
        Receive<ReceiveTimeout>(_ => Reply());
        foreach (var session in sessions)
        {
            session.Tell(GetStatus.Instance);
        }

        if (_sessions == 0)
        {
            Reply();
        }
        else
        {
            Context.SetReceiveTimeout(timeout);
        }
    }

    public static Props Props(IReadOnlyList<IActorRef> sessions, RegionGiveUps gaveUp, TimeSpan timeout, IActorRef requester) =>
        ActorFactory<RegionHealthGatherer>.Props(() => new RegionHealthGatherer(sessions, gaveUp, timeout, requester));

    private void Count(StatusReport report)
    {
        _answered++; // counted, not matched by sender: a durable session's keeper forwards, so its actor answers
        switch (report.Status)
        {
            case ConnectionStatus.Connected:
                _connected++;
                break;
            case ConnectionStatus.Connecting when report.Connections == 0 && report.Attempt == 0:
                _connecting++;
                break;
            case ConnectionStatus.Connecting or ConnectionStatus.Reconnecting:
                _reconnecting++;
                break;
            case ConnectionStatus.HandingOver:
                _handingOver++;
                break;
            case ConnectionStatus.Passivated:
                _passivated++;
                break;
            default:
                _ending++; // closing or closed: on its way out of the region, no better than no answer
                break;
        }

        if (_answered == _sessions)
        {
            Reply();
        }
    }

    private void Reply()
    {
        _requester.Tell(new LiveSessions.RegionHealth(_sessions, _connected, _connecting, _reconnecting, _handingOver, _passivated, _sessions - _answered + _ending, _gaveUp.Count, _gaveUp.LastCode));
        Context.Stop(Self);
    }
}

/// <summary>How many sessions of a region gave up within the window a health check asked about, and the latest one's error code.</summary>
internal sealed record RegionGiveUps(int Count, string? LastCode);
