using Akka.Actor;

namespace LiveActors.Messages;

/// <summary>Stops sending events to <paramref name="Subscriber"/>; answered with <see cref="Unsubscribed"/>.</summary>
/// <param name="Subscriber">Who no longer gets the events.</param>
public sealed record Unsubscribe(IActorRef Subscriber);
