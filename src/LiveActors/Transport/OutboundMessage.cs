using Akka.Actor;
using LiveActors.Protocol;

namespace LiveActors.Transport;

/// <summary>A client message on its way to the socket, with what is needed to answer its sender if it never gets there.</summary>
/// <param name="Sequence">Its number in the session (0 for setup).</param>
/// <param name="Message">The message.</param>
/// <param name="Sender">Who sent it (<see cref="ActorRefs.Nobody"/> for the session's own messages).</param>
/// <param name="Size">Its size on the wire in bytes, as the outbound queue's byte limit counts it.</param>
/// <param name="Correlation">The sender's own value from <c>Live.Send</c>, given back with the outcome.</param>
internal sealed record OutboundMessage(long Sequence, ClientMessage Message, IActorRef Sender, long Size = 0, object? Correlation = null);
