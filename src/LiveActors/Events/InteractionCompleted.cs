using LiveActors.Protocol;
using LiveActors.Models;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// The model is done with everything sent so far and waits for input: the end of an interaction, which is what a
    /// caller waiting for "the answer" waits for. Where the model reports <c>interactionStatus</c> (extended-thinking
    /// models, which may speak several times and complete several turns per request), it comes with <c>IDLE</c>;
    /// elsewhere with turnComplete. It is the last event of its message.
    /// </summary>
    public sealed record InteractionCompleted : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From(ServerMessage, Models.ModelFamily)"/>).</param>
        public InteractionCompleted(ServerMessage message) : base(message)
        {
        }
    }
}
