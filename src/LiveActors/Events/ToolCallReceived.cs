using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The model asks for function calls; answer with a <see cref="ToolResponse"/> per call id.</summary>
    public sealed record ToolCallReceived : ServerEvent
    {
        internal ToolCallReceived(ServerMessage message, ToolCall call) : base(message) => Call = call;

        /// <summary>The calls.</summary>
        public ToolCall Call { get; }
    }
}
