using Akka.Actor;

namespace LiveActors;

public static partial class Live
{
    /// <summary>Stops sending events to <paramref name="Subscriber"/>; answered with <see cref="Unsubscribed"/>.</summary>
    /// <param name="Subscriber">Who no longer gets the events.</param>
    public sealed record Unsubscribe(IActorRef Subscriber);
}
