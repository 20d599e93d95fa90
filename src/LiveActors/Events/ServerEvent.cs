using System.Text;
using LiveActors.Actors;
using LiveActors.Protocol;

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
        public static IReadOnlyList<ServerEvent> From(ServerMessage message)
        {
            ArgumentNullException.ThrowIfNull(message);
            var events = new List<Event>();
            ServerEvents.AddTo(events, message);
            return events.ConvertAll(e => (ServerEvent)e);
        }

        /// <summary>Leaves <see cref="Message"/> out of <c>ToString()</c>: the event's own members say what it carries.</summary>
        protected override bool PrintMembers(StringBuilder builder) => false;
    }
}
