using LiveActors.Errors;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// Told to the sender of an accepted message that could not be delivered: the session ended before it was written, or
    /// the socket died before the server confirmed it, so it may not have it. Also a <see cref="Event"/>, so a
    /// facade can pass it on to code that is not the sender.
    /// </summary>
    /// <param name="Sequence">The number <see cref="SendAccepted"/> gave it.</param>
    /// <param name="Error">Why.</param>
    public sealed record SendFailed(long Sequence, ConnectionError Error) : Event;
}
