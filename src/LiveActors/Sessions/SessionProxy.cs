using Akka.Actor;

namespace LiveActors.Sessions;

/// <summary>
/// A local stand-in for one session of a region whose sessions may live on other nodes (a sharded region): every
/// message it gets goes to the region in an <see cref="LiveSessions.Envelope"/>, with its sender, so whoever holds the
/// proxy reaches the session wherever it is now, across hand-offs and failovers. It stops once every actor that
/// subscribed through it has stopped (a facade's listener stops when its session ends).
/// </summary>
internal sealed class SessionProxy : ReceiveActor
{
    private readonly HashSet<IActorRef> _subscribers = [];

    public SessionProxy(string sessionId, IActorRef region)
    {
        Receive<Terminated>(terminated =>
        {
            if (_subscribers.Remove(terminated.ActorRef) && _subscribers.Count == 0)
            {
                Context.Stop(Self);
            }
        });
        ReceiveAny(message =>
        {
            if (message is Live.Subscribe subscribe && _subscribers.Add(subscribe.Subscriber))
            {
                Context.Watch(subscribe.Subscriber);
            }

            region.Forward(new LiveSessions.Envelope(sessionId, message));
        });
    }

    public static Props Props(string sessionId, IActorRef region) => ActorFactory<SessionProxy>.Props(() => new SessionProxy(sessionId, region));
}
