using System.Text.Json;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;

namespace LiveActors;

/// <summary>
/// The Live session protocol: the messages an application sends to a session actor (<see cref="Send"/>,
/// <see cref="Receive"/>, <see cref="ReceiveAll"/>, <see cref="Close"/>, <see cref="GetStatus"/>, <see cref="Subscribe"/>,
/// <see cref="Unsubscribe"/>), their answers (<see cref="SendAccepted"/>, <see cref="SendFailed"/>,
/// <see cref="ReceivedMessages"/>, <see cref="Closed"/>, <see cref="StatusReport"/>, <see cref="Subscribed"/>,
/// <see cref="Unsubscribed"/>) and the events subscribers get (<see cref="Event"/> and its kinds).
/// </summary>
/// <remarks>
/// They are nested here as Akka.IO's are in <c>Tcp</c> (<c>Tcp.Connect</c>, <c>Tcp.Write</c>), so that
/// <c>Live.Send</c> and <c>Live.Receive</c> never clash with <c>Akka.Actor.Receive</c>,
/// <c>Akka.Actor.ReceiveTimeout</c> or the <c>Send</c> and <c>Subscribe</c> of
/// <c>Akka.Cluster.Tools.PublishSubscribe</c>, and <c>Live.</c> tells the reader whose message it is.
/// </remarks>
public static partial class Live
{
    /// <summary>
    /// Ends the session gracefully: sends a close frame, waits for the server's up to close-timeout, then answers
    /// <see cref="Closed"/>. Messages still queued are answered with <see cref="SendFailed"/> (session_closed).
    /// </summary>
    public sealed record Close
    {
        /// <summary>The one instance.</summary>
        public static Close Instance { get; } = new();

        private Close()
        {
        }
    }

    /// <summary>
    /// The session is over: the answer to <see cref="Close"/>, and the last event subscribers get after a close (an asker
    /// that also subscribes is told once). The session actor stops right after it.
    /// </summary>
    public sealed record Closed : Event
    {
        /// <summary>The one instance.</summary>
        public static Closed Instance { get; } = new();

        private Closed()
        {
        }
    }

    /// <summary>Where a session is in its life.</summary>
    public enum ConnectionStatus
    {
        /// <summary>Opening a connection and waiting for setupComplete (the first connection, or a retry).</summary>
        Connecting,

        /// <summary>setupComplete arrived: messages flow.</summary>
        Connected,

        /// <summary>
        /// The server sent goAway: new sends wait, and once the server has what was written the session moves to a new
        /// connection with its resumption handle, before the old one is cut.
        /// </summary>
        HandingOver,

        /// <summary>The connection was lost; waiting to retry.</summary>
        Reconnecting,

        /// <summary>
        /// Idle (a <see cref="Sessions.LiveSessions"/> session): its socket is closed and its resumption handle kept; the
        /// next Send resumes the conversation on a new connection.
        /// </summary>
        Passivated,

        /// <summary>Close was asked for; waiting for the server's close frame.</summary>
        Closing,

        /// <summary>Over: closed, or gave up.</summary>
        Closed,
    }

    /// <summary>Asks for the session's <see cref="StatusReport"/> (gemini_ex's <c>status</c> and <c>connected?</c>).</summary>
    public sealed record GetStatus
    {
        /// <summary>The one instance.</summary>
        public static GetStatus Instance { get; } = new();

        private GetStatus()
        {
        }
    }

    /// <summary>
    /// Asks for the next server message from the session's inbox (gemini_ex's <c>receive</c>). The answer is the
    /// <see cref="Protocol.ServerMessage"/> itself, or a <see cref="Akka.Actor.Status.Failure"/> with receive_timeout when
    /// none came in time (or session_closed once the session is over and the inbox is empty). Waiting receivers are served
    /// in the order they asked.
    /// </summary>
    /// <param name="Timeout">How long to wait; null for the configured receive-timeout (60 s by default).</param>
    public sealed record Receive(TimeSpan? Timeout = null)
    {
        /// <summary>Waits the configured receive-timeout.</summary>
        public static Receive Default { get; } = new();
    }

    /// <summary>Takes every message in the inbox now, without waiting; the answer is <see cref="ReceivedMessages"/> (possibly empty).</summary>
    public sealed record ReceiveAll
    {
        /// <summary>The one instance.</summary>
        public static ReceiveAll Instance { get; } = new();

        private ReceiveAll()
        {
        }
    }

    /// <summary>The answer to <see cref="ReceiveAll"/>: the inbox's messages, oldest first.</summary>
    /// <param name="Messages">The messages.</param>
    public sealed record ReceivedMessages(IReadOnlyList<ServerMessage> Messages);

    /// <summary>
    /// Sends a client message on the session. The sender always gets an answer: <see cref="SendAccepted"/> once the session
    /// owns the message (it will be written, or the sender hears <see cref="SendFailed"/>), or a
    /// <see cref="Akka.Actor.Status.Failure"/> whose cause is a <see cref="Errors.LiveConnectionException"/> (buffer_full,
    /// session_closed).
    /// </summary>
    /// <param name="Message">The message: a typed one, or <see cref="RawClientMessage"/> for JSON the library does not model.</param>
    /// <param name="Correlation">
    /// Any value of the sender's (a turn id, a request); it comes back unchanged in <see cref="SendAccepted"/> and
    /// <see cref="SendFailed"/>, so a sender can match outcomes without keeping sequence numbers. Never sent to the server.
    /// </param>
    public sealed record Send(ClientMessage Message, object? Correlation = null)
    {
        /// <summary>Sends raw JSON (one object with one client message member) as it is.</summary>
        public static Send Raw(JsonElement json, object? correlation = null) => new(new RawClientMessage(json), correlation);
    }

    /// <summary>The answer to <see cref="Send"/>: the session owns the message now.</summary>
    /// <param name="Sequence">The message's number in the session (1 for the first message after setup), for matching a later <see cref="SendFailed"/>.</param>
    /// <param name="Correlation">The <see cref="Send.Correlation"/> the message was sent with.</param>
    public sealed record SendAccepted(long Sequence, object? Correlation = null);

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

    /// <summary>The answer to <see cref="GetStatus"/>.</summary>
    /// <param name="Status">Where the session is.</param>
    /// <param name="Attempt">The current run of failed attempts (0 when healthy).</param>
    /// <param name="LastError">The most recent error, if any.</param>
    /// <param name="Resumable">Whether the session holds a resumption handle it can reconnect with.</param>
    /// <param name="Connections">How many connections reached setupComplete so far.</param>
    public sealed record StatusReport(ConnectionStatus Status, int Attempt, ConnectionError? LastError, bool Resumable, int Connections)
    {
        /// <summary>True when messages flow (gemini_ex's <c>connected?</c>).</summary>
        public bool IsConnected => Status == ConnectionStatus.Connected;

        /// <summary>Sends waiting to be written (queued for a connection, or handed to one and not yet written).</summary>
        public int PendingMessages { get; init; }

        /// <summary>The wire size of the pending sends, as the outbound queue's byte limit counts it.</summary>
        public long PendingBytes { get; init; }

        /// <summary>Written sends the server has not confirmed yet (kept for replay or to be reported after a drop).</summary>
        public int UnconfirmedMessages { get; init; }
    }

    /// <summary>
    /// Makes <paramref name="Subscriber"/> receive every <see cref="Event"/> of the session from now on; answered
    /// with <see cref="Subscribed"/>. Subscribers are watched and forgotten when they stop.
    /// </summary>
    /// <param name="Subscriber">Who gets the events.</param>
    public sealed record Subscribe(IActorRef Subscriber);

    /// <summary>The answer to <see cref="Subscribe"/>.</summary>
    /// <param name="Subscriber">Who was subscribed.</param>
    public sealed record Subscribed(IActorRef Subscriber);

    /// <summary>Stops sending events to <paramref name="Subscriber"/>; answered with <see cref="Unsubscribed"/>.</summary>
    /// <param name="Subscriber">Who no longer gets the events.</param>
    public sealed record Unsubscribe(IActorRef Subscriber);

    /// <summary>The answer to <see cref="Unsubscribe"/>.</summary>
    /// <param name="Subscriber">Who was unsubscribed.</param>
    public sealed record Unsubscribed(IActorRef Subscriber);
}
