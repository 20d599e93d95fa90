using System.Text;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Models;

namespace LiveActors;

public static partial class Live
{
    /// <summary>An event read from a server message. One message may give several (serverContent with usageMetadata, for example).</summary>
    public abstract record ServerEvent : Event
    {
        private protected ServerEvent(ServerMessage message) => Message = message;

        /// <summary>The whole message the event came from.</summary>
        public ServerMessage Message { get; }

        /// <summary>
        /// Every event the session reads from <paramref name="message"/>, in the order it publishes them: build a
        /// <see cref="ServerMessage"/> as the server would send it and get exactly what a subscriber would see.
        /// </summary>
        /// <param name="message">A server message.</param>
        /// <param name="family">
        /// The rules of the session's model: they say what ends an interaction (<see cref="InteractionCompleted"/>).
        /// With <see cref="ModelFamily.Gemini3ExtendedThinking"/>, or for a message that reports an interactionStatus,
        /// only IDLE does; otherwise turnComplete. (A session also keeps to IDLE once its model has reported a status.)
        /// </param>
        public static IReadOnlyList<ServerEvent> From(ServerMessage message, ModelFamily family = ModelFamily.Gemini2)
        {
            ArgumentNullException.ThrowIfNull(message);
            var events = new List<Event>();
            ServerEvents.AddTo(events, message, idleEndsInteraction: family == ModelFamily.Gemini3ExtendedThinking || message.ReportedInteractionStatus is not null);
            return events.ConvertAll(e => (ServerEvent)e);
        }

        /// <summary>Leaves <see cref="Message"/> out of <c>ToString()</c>: the event's own members say what it carries.</summary>
        protected override bool PrintMembers(StringBuilder builder) => false;
    }
}
