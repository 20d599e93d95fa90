using Akka.Cluster.Sharding;
using LiveActors.Sessions;

namespace LiveActors.Cluster;

/// <summary>
/// Routes a region's messages by session id: an <see cref="LiveSessions.Envelope"/> delivers its message to the
/// session, <see cref="LiveSessions.GetSession"/> goes to the session itself; the shard is the id's hash.
/// </summary>
internal sealed class SessionMessageExtractor(int numberOfShards) : HashCodeMessageExtractor(numberOfShards)
{
    public override string EntityId(object message) => message switch
    {
        LiveSessions.Envelope envelope => envelope.SessionId,
        LiveSessions.GetSession get => get.SessionId,
        _ => null!, // not a session's message: sharding drops it as unhandled
    };

    public override object EntityMessage(object message) => message is LiveSessions.Envelope envelope ? envelope.Message : message;
}
