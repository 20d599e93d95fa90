using LiveActors.Protocol;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The answer to <see cref="ReceiveAll"/>: the inbox's messages, oldest first.</summary>
    /// <param name="Messages">The messages.</param>
    public sealed record ReceivedMessages(IReadOnlyList<ServerMessage> Messages);
}
