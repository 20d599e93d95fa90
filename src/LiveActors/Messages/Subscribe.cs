using Akka.Actor;

namespace LiveActors.Messages;

/// <summary>
/// Makes <paramref name="Subscriber"/> receive every <see cref="Events.LiveEvent"/> of the session from now on; answered
/// with <see cref="Subscribed"/>. Subscribers are watched and forgotten when they stop.
/// </summary>
/// <param name="Subscriber">Who gets the events.</param>
public sealed record Subscribe(IActorRef Subscriber);
