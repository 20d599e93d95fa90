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
    public sealed record Send(ClientMessage Message)
    {
        /// <summary>Sends raw JSON (one object with one client message member) as it is.</summary>
        public static Send Raw(JsonElement json) => new(new RawClientMessage(json));
    }
}
