using LiveActors.Errors;

namespace LiveActors;

public static partial class Live
{
    /// <summary>A connection ended without Close being asked for.</summary>
    /// <param name="Error">Why it ended.</param>
    /// <param name="WillRetry">Whether the session reconnects; when false a <see cref="GaveUp"/> follows.</param>
    /// <param name="RetryIn">The wait before the next attempt, when there is one.</param>
    public sealed record Disconnected(ConnectionError Error, bool WillRetry, TimeSpan? RetryIn) : Event;
}
