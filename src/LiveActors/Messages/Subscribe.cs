using Akka.Actor;

namespace LiveActors;

public static partial class Live
{
    /// <summary>
    /// Makes <paramref name="Subscriber"/> receive every <see cref="Event"/> of the session from now on; answered
    /// with <see cref="Subscribed"/>. Subscribers are watched and forgotten when they stop.
    /// </summary>
    /// <param name="Subscriber">Who gets the events.</param>
    public sealed record Subscribe(IActorRef Subscriber);
}
