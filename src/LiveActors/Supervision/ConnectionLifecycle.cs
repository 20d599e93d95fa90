using LiveActors.Errors;
using LiveActors.Supervision.Reconnection;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Supervision.SessionTimers;

namespace LiveActors.Supervision;

/// <summary>
/// What a connection's start and end mean to the session, whatever state it is in: a socket that reached
/// setupComplete is counted, timed (healthy after <c>retry.reset-after</c>, idle after <c>passivate-after</c>),
/// announced (Connected the first time, Reconnected after) and given what waited for it; a connection that ended stops
/// its timers and its reply's timing. Each call returns the <see cref="Effects"/> the actor performs.
/// </summary>
/// <param name="reconnect">The counts: connections, and the run of failures.</param>
/// <param name="idle">When the session passivates: a ready socket is activity.</param>
/// <param name="traffic">The session's traffic: what waited for a socket, and the effects buffer.</param>
/// <param name="telemetry">The session's records: a reply still streaming when a connection ends is recorded as cut.</param>
/// <param name="logger">The session's logger.</param>
internal sealed class ConnectionLifecycle(ReconnectPolicy reconnect, IdleWatch idle, SessionTraffic traffic, SessionTelemetry telemetry, ILogger logger)
{
    /// <summary>
    /// The socket of <paramref name="ready"/> reached setupComplete at <paramref name="now"/>; <paramref name="resumed"/>
    /// when it presented a handle, <paramref name="handshakeMessages"/> the client messages its handshake wrote.
    /// </summary>
    public Effects Ready(SocketReady ready, bool resumed, int handshakeMessages, TimeSpan now)
    {
        var effects = traffic.Effects;
        reconnect.Connected();
        effects.StartTimer(HealthyTimer, Healthy.Instance, reconnect.ResetAfter);
        idle.Touch(now);
        if (idle.After is { } after)
        {
            effects.StartTimer(IdleTimer, IdleNow.Instance, after);
        }

        var replayed = traffic.Desk.TakeReplayed();
        effects.Publish(reconnect.Connections == 1
            ? new Live.Connected(ready.SessionId) { Resumed = resumed }
            : new Live.Reconnected(resumed, ready.SessionId) { ReplayedMessages = replayed });
        return traffic.StartConnection(ready.Writer, handshakeMessages);
    }

    /// <summary>A frame of the connection could not be read (<paramref name="error"/>): logged, and told to the subscribers.</summary>
    public Effects Malformed(ConnectionError.ProtocolError error)
    {
        Log.MalformedFrame(logger, error.Detail);
        traffic.Effects.Publish(new Live.MalformedFrameReceived(error));
        return traffic.Effects;
    }

    /// <summary>The connection ended at <paramref name="timestamp"/> (a <see cref="System.Diagnostics.Stopwatch"/> one): its timers stop.</summary>
    public Effects Ended(long timestamp)
    {
        telemetry.ConnectionEnded(timestamp);
        traffic.Effects.CancelTimer(HealthyTimer);
        traffic.Effects.CancelTimer(HandoverTimer);
        return traffic.Effects;
    }
}
