using System.Text.Json;
using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
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
}
