namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// The session was idle, so it closed its socket and kept its resumption handle (a <see cref="Sessions.LiveSessions"/>
    /// session): the next Send resumes the conversation on a new connection, with <see cref="Reconnected"/>.
    /// </summary>
    /// <param name="IdleFor">How long nothing was sent or streamed before it passivated.</param>
    public sealed record Passivated(TimeSpan IdleFor) : Event;
}
