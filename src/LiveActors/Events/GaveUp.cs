using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// The session stopped trying: a non-retryable error, or <see cref="Errors.ConnectionError.MaxRetriesExceeded"/>. It is
    /// over: everyone waiting has been answered, and the session actor stops right after this event.
    /// </summary>
    /// <param name="Error">Why: the non-retryable error, or <see cref="Errors.ConnectionError.MaxRetriesExceeded"/>.</param>
    public sealed record GaveUp(ConnectionError Error) : Event
    {
        /// <summary>The last attempt's own error: <see cref="Errors.ConnectionError.MaxRetriesExceeded.LastError"/>, or <see cref="Error"/> itself.</summary>
        public ConnectionError LastError => Error is ConnectionError.MaxRetriesExceeded retries ? retries.LastError : Error;
    }
}
