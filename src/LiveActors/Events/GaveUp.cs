using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The session stopped trying: a non-retryable error, or <see cref="MaxRetriesExceeded"/>. It is over.</summary>
    /// <param name="Error">Why.</param>
    public sealed record GaveUp(ConnectionError Error) : Event;
}
