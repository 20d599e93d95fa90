namespace LiveActors.Facade;

/// <summary>The sessions of a <see cref="Sessions.LiveSessions"/> region for code that is not an actor: one facade per id.</summary>
public interface ILiveSessions
{
    /// <summary>
    /// The session with <paramref name="sessionId"/> as an <see cref="ILiveConnection"/>, its session started on first use.
    /// The same facade comes back for the same id until that session closes or gives up; then a new one, for a new session.
    /// </summary>
    /// <param name="sessionId">The session's id: a call, a user, a conversation.</param>
    ILiveConnection Get(string sessionId);
}
