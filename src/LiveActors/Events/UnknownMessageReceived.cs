using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// A well-formed message that gives no other event: a kind this version does not know (its members are in
    /// <see cref="WireObject.AdditionalProperties"/>), or content whose only members are ones no event covers.
    /// </summary>
    public sealed record UnknownMessageReceived : ServerEvent
    {
        internal UnknownMessageReceived(ServerMessage message) : base(message)
        {
        }
    }
}
