using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors;

// The events a session raises about itself: its connections, drops, resumption, passivation and end.
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

    /// <summary>The session's first connection is ready: setupComplete arrived.</summary>
    /// <param name="SessionId">The server's session id, when it gives one (Vertex AI).</param>
    public sealed record Connected(string? SessionId) : Event
    {
        /// <summary>
        /// True when the session started from a stored handle (<c>session-resumption.handle</c>) and the server took it:
        /// the model has that conversation. False for a fresh session, or when the handle was refused
        /// (<see cref="ResumptionRefused"/> came first).
        /// </summary>
        public bool Resumed { get; init; }
    }

    /// <summary>
    /// New input went to the server while these BLOCKING calls were pending, on a model that then cancels them without a
    /// word (gemini-3.8-live; docs/live-api.md 3.6): the model may have dropped them. A response to them is still sent,
    /// but no reply is awaited for it and the model may never use it, or may issue the same operation again under a new
    /// id: keep the tool's side effects idempotent, keyed by the operation.
    /// </summary>
    /// <param name="CallIds">The calls, each reported once.</param>
    public sealed record ToolCallPossiblyCancelled(IReadOnlyList<string> CallIds) : Event;

    /// <summary>A connection ended without Close being asked for.</summary>
    /// <param name="Error">Why it ended.</param>
    /// <param name="WillRetry">Whether the session reconnects; when false a <see cref="GaveUp"/> follows.</param>
    /// <param name="RetryIn">The wait before the next attempt, when there is one.</param>
    public sealed record Disconnected(ConnectionError Error, bool WillRetry, TimeSpan? RetryIn) : Event;

    /// <summary>A later connection of the session is ready.</summary>
    /// <param name="Resumed">True when the server resumed the conversation from a handle; false when it is a fresh one.</param>
    /// <param name="SessionId">The server's session id, when it gives one (Vertex AI).</param>
    public sealed record Reconnected(bool Resumed, string? SessionId) : Event
    {
        /// <summary>
        /// How many messages already sent on the lost connection were sent again on this one because the server had not
        /// consumed them (transparent resumption only).
        /// </summary>
        public int ReplayedMessages { get; init; }
    }

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

    /// <summary>
    /// The server refused to resume the session (the handle expired or is unknown), or every resume with the handle
    /// failed, <c>session-resumption.max-resumes-per-handle</c> times in a row, before the server replied on it (a
    /// poisoned handle): the conversation's context is gone, and the session starts over as a fresh one, with the initial
    /// history. The next <see cref="Reconnected"/> says <c>Resumed = false</c>.
    /// </summary>
    /// <param name="Error">
    /// How the server refused (typically close 1008 "BidiGenerateContent session not found"), or how the last resume with
    /// the abandoned handle ended (say close 1011 "The service is currently unavailable.").
    /// </param>
    public sealed record ResumptionRefused(ConnectionError Error) : Event;

    /// <summary>
    /// The session was idle, so it closed its socket and kept its resumption handle (a <see cref="Sessions.LiveSessions"/>
    /// session): the next Send resumes the conversation on a new connection, with <see cref="Reconnected"/>.
    /// </summary>
    /// <param name="IdleFor">How long nothing was sent or streamed before it passivated.</param>
    public sealed record Passivated(TimeSpan IdleFor) : Event;

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

    /// <summary>A frame that was not a Live API message (not JSON, not an object...). It is reported and skipped; the session goes on.</summary>
    /// <param name="Error">What was wrong with it.</param>
    public sealed record MalformedFrameReceived(ProtocolError Error) : Event;
}
