namespace LiveActors;

public static partial class Live
{
    /// <summary>Where a session is in its life.</summary>
    public enum ConnectionStatus
    {
        /// <summary>Opening a connection and waiting for setupComplete (the first connection, or a retry).</summary>
        Connecting,

        /// <summary>setupComplete arrived: messages flow.</summary>
        Connected,

        /// <summary>
        /// The server sent goAway: new sends wait, and once the server has what was written the session moves to a new
        /// connection with its resumption handle, before the old one is cut.
        /// </summary>
        HandingOver,

        /// <summary>The connection was lost; waiting to retry.</summary>
        Reconnecting,

        /// <summary>
        /// Idle (a <see cref="Sessions.LiveSessions"/> session): its socket is closed and its resumption handle kept; the
        /// next Send resumes the conversation on a new connection.
        /// </summary>
        Passivated,

        /// <summary>Close was asked for; waiting for the server's close frame.</summary>
        Closing,

        /// <summary>Over: closed, or gave up.</summary>
        Closed,
    }
}
