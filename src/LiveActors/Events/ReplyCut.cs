using LiveActors.Errors;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// A reply was streaming when its connection ended, not because the user interrupted it or closed the session:
    /// the server does not continue a reply on a resumed connection (docs/live-api.md 5.3), so no more of it will come. The
    /// application decides whether to ask again; with <c>session-resumption.ask-again-after-cut-reply</c> the session
    /// does, once (<see cref="AskedAgain"/>).
    /// </summary>
    /// <param name="Sequence">The Send the reply answered (its <see cref="SendAccepted.Sequence"/>), when it can be told.</param>
    /// <param name="Correlation">That Send's correlation value, if it had one.</param>
    /// <param name="Cause">Why the connection ended.</param>
    public sealed record ReplyCut(long? Sequence, object? Correlation, ConnectionError Cause) : Event
    {
        /// <summary>True when the session sends the turn again, first, on the next connection.</summary>
        public bool AskedAgain { get; init; }
    }
}
