using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>Earlier tool calls are cancelled: do not answer them.</summary>
    public sealed record ToolCallCancelled : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="cancellation">The part of <paramref name="message"/> the event is about.</param>
        public ToolCallCancelled(ServerMessage message, ToolCallCancellation cancellation) : base(message) => Cancellation = cancellation;

        /// <summary>The ids of the cancelled calls.</summary>
        public ToolCallCancellation Cancellation { get; }

        /// <summary>
        /// True when the session reports it, not the server: the calls were pending when their connection ended, and the
        /// resumed session does not know them (docs/live-api.md 5.3). Do not answer them with a toolResponse.
        /// </summary>
        public bool ByConnection { get; init; }
    }
}
