using LiveActors.Errors;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// The server refused to resume the session (the handle expired or is unknown): the conversation's context is gone,
    /// and the session starts over as a fresh one, once. The next <see cref="Reconnected"/> says <c>Resumed = false</c>.
    /// </summary>
    /// <param name="Error">How the server refused (typically close 1008 "BidiGenerateContent session not found").</param>
    public sealed record ResumptionRefused(ConnectionError Error) : Event;
}
