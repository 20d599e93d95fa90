using Akka.Actor;

namespace LiveActors;

public static partial class Live
{
    /// <summary>The answer to <see cref="Unsubscribe"/>.</summary>
    /// <param name="Subscriber">Who was unsubscribed.</param>
    public sealed record Unsubscribed(IActorRef Subscriber);
}
