using Akka.Actor;

namespace LiveActors.Messages;

/// <summary>The answer to <see cref="Unsubscribe"/>.</summary>
/// <param name="Subscriber">Who was unsubscribed.</param>
public sealed record Unsubscribed(IActorRef Subscriber);
