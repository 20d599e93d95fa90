using LiveActors.Errors;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The answer to <see cref="GetStatus"/>.</summary>
    /// <param name="Status">Where the session is.</param>
    /// <param name="Attempt">The current run of failed attempts (0 when healthy).</param>
    /// <param name="LastError">The most recent error, if any.</param>
    /// <param name="Resumable">Whether the session holds a resumption handle it can reconnect with.</param>
    /// <param name="Connections">How many connections reached setupComplete so far.</param>
    public sealed record StatusReport(ConnectionStatus Status, int Attempt, ConnectionError? LastError, bool Resumable, int Connections)
    {
        /// <summary>True when messages flow (gemini_ex's <c>connected?</c>).</summary>
        public bool IsConnected => Status == ConnectionStatus.Connected;

        /// <summary>Sends waiting to be written (queued for a connection, or handed to one and not yet written).</summary>
        public int PendingMessages { get; init; }

        /// <summary>The wire size of the pending sends, as the outbound queue's byte limit counts it.</summary>
        public long PendingBytes { get; init; }

        /// <summary>Written sends the server has not confirmed yet (kept for replay or to be reported after a drop).</summary>
        public int UnconfirmedMessages { get; init; }
    }
}
