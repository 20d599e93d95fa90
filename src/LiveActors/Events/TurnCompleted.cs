using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The model's turn is over; it waits for input.</summary>
    public sealed record TurnCompleted : ServerEvent
    {
        internal TurnCompleted(ServerMessage message) : base(message)
        {
        }
    }
}
