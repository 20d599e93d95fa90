using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>Earlier tool calls are cancelled: do not answer them.</summary>
    public sealed record ToolCallCancelled : ServerEvent
    {
        internal ToolCallCancelled(ServerMessage message, ToolCallCancellation cancellation) : base(message) => Cancellation = cancellation;

        /// <summary>The ids of the cancelled calls.</summary>
        public ToolCallCancellation Cancellation { get; }
    }
}
