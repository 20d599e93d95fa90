using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The model asks for function calls; answer with a <see cref="ToolResponse"/> per call id.</summary>
    public sealed record ToolCallReceived : ServerEvent
    {
        /// <summary>The event as the session reads it from <paramref name="message"/>; public so tests of your own actors can build one.</summary>
        /// <param name="message">The whole server message (see <see cref="ServerEvent.From"/> to read every event of one).</param>
        /// <param name="call">The part of <paramref name="message"/> the event is about.</param>
        public ToolCallReceived(ServerMessage message, ToolCall call) : base(message) => Call = call;

        /// <summary>The calls.</summary>
        public ToolCall Call { get; }
    }
}
