using LiveActors.Protocol;

namespace LiveActors.Events;

/// <summary>The model's turn is over; it waits for input.</summary>
public sealed record TurnCompleted : ServerEvent
{
    internal TurnCompleted(ServerMessage message) : base(message)
    {
    }
}
