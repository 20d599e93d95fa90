using Akka.Actor;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Facade;

/// <summary>
/// A Live session for code that is not an actor (ASP.NET handlers, console apps): the session's messages as Tasks and
/// its events as an <see cref="IAsyncEnumerable{T}"/>. Every call can be cancelled; cancelling stops the wait, never
/// the session, and a server message that arrives for a cancelled receive is kept for the next one.
/// </summary>
public interface ILiveConnection
{
    /// <summary>The session actor behind the facade (a <c>ConnectionSupervisor</c>), for code that wants to Tell it.</summary>
    IActorRef Session { get; }

    /// <summary>
    /// Sends a client message; completes with its sequence number once the session has accepted it. A later failure to
    /// deliver it comes as a <see cref="SendFailed"/> event.
    /// </summary>
    /// <exception cref="Errors.LiveConnectionException">The session refused it (buffer_full, session_closed, ...).</exception>
    Task<long> SendAsync(ClientMessage message, CancellationToken cancellationToken = default);

    /// <summary>The next server message, waiting up to <paramref name="timeout"/> (the session's receive-timeout when null).</summary>
    /// <exception cref="Errors.LiveConnectionException">No message in time (receive_timeout), or the session ended.</exception>
    Task<ServerMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default);

    /// <summary>Every server message waiting, possibly none.</summary>
    Task<IReadOnlyList<ServerMessage>> ReceiveAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Where the session is.</summary>
    Task<StatusReport> GetStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Closes the session gracefully; completes when it is closed.</summary>
    Task CloseAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The session's events from now on (<see cref="SendFailed"/> included) until the session is closed or
    /// <paramref name="cancellationToken"/> fires. Each enumeration gets every event; a slow reader only delays itself.
    /// The first enumeration also gets the events that came between the facade's start and its own (up to 64; with
    /// <see cref="LiveConnection.Start"/> that is from the session's first event), so code that sends first and
    /// enumerates after sees the whole reply, and sees <c>Connected</c>.
    /// After the session has ended, an enumeration ends at once.
    /// </summary>
    IAsyncEnumerable<Live.Event> EventsAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends <paramref name="message"/> and gathers the model's answer: the session's events from the send until the
    /// interaction ends (<see cref="InteractionCompleted"/>, so an extended-thinking model's several turns are one
    /// answer), the model asks for tools (send the toolResponse with AskAsync for the rest), a drop cuts the reply, the
    /// message is not delivered, or the session ends; <see cref="LiveReply.End"/> says which. Ask while the model is
    /// idle: events of an earlier reply still streaming would count as this one's. Other enumerations are unaffected.
    /// </summary>
    /// <exception cref="Errors.LiveConnectionException">The session refused the message (unsupported_by_model, buffer_full, session_closed, ...).</exception>
    Task<LiveReply> AskAsync(ClientMessage message, CancellationToken cancellationToken = default);
}
