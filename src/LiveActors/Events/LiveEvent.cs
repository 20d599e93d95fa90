namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// Something that happened in a session, pushed to its subscribers: a server message, by kind
    /// (<see cref="ServerEvent"/>), or a step in the session's life (<see cref="Connected"/>, <see cref="Disconnected"/>,
    /// <see cref="Reconnected"/>, <see cref="GaveUp"/>, <see cref="Closed"/>).
    /// </summary>
    public abstract record Event
    {
        private protected Event()
        {
        }
    }
}
