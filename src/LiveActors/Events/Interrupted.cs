using LiveActors.Protocol;

namespace LiveActors.Events;

/// <summary>New input interrupted the model's reply: stop playing what was received of it.</summary>
public sealed record Interrupted : ServerEvent
{
    internal Interrupted(ServerMessage message) : base(message)
    {
    }
}
