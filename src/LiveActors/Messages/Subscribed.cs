using Akka.Actor;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The answer to <see cref="Subscribe"/>.</summary>
    /// <param name="Subscriber">Who was subscribed.</param>
    public sealed record Subscribed(IActorRef Subscriber);
}
