using LiveActors.Errors;

namespace LiveActors.Messages;

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
}
