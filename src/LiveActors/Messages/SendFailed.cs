using LiveActors.Errors;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// Told to the sender of an accepted message that could not be delivered (the session ended before it was written, or
    /// the socket died before the server confirmed it, so it may not have it), and published to every subscriber but
    /// that sender: a message sent with <c>Ask</c> has no sender left by then, so its outcome still reaches someone who
    /// listens.
    /// </summary>
    /// <param name="Sequence">The number <see cref="SendAccepted"/> gave it.</param>
    /// <param name="Error">Why.</param>
    /// <param name="Correlation">The <see cref="Send.Correlation"/> the message was sent with.</param>
    public sealed record SendFailed(long Sequence, ConnectionError Error, object? Correlation = null) : Event;
}
