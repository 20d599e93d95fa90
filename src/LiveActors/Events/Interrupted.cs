using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>New input interrupted the model's reply: stop playing what was received of it.</summary>
    public sealed record Interrupted : ServerEvent
    {
        internal Interrupted(ServerMessage message) : base(message)
        {
        }
    }
}
