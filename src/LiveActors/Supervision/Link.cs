using Akka.Actor;
using LiveActors.Transport;

namespace LiveActors.Supervision;

/// <summary>
/// The session's current connection: its <c>ConnectionActor</c>, whether it presented a resumption handle, how many
/// client messages its handshake writes, and, from setupComplete, the socket's writer; immutable, as the session passes
/// it from state to state.
/// </summary>
/// <param name="Connection">The connection actor, watched by the session.</param>
/// <param name="Resuming">It presented a resumption handle.</param>
/// <param name="HandshakeMessages">The client messages its handshake writes (setup, and the history when there is one).</param>
internal sealed record Link(IActorRef Connection, bool Resuming, int HandshakeMessages)
{
    /// <summary>The socket's writer, from setupComplete: the session writes Sends onto it from its own thread.</summary>
    public SocketWriter? Writer { get; init; }

    /// <summary>It reached setupComplete.</summary>
    public bool Ready => Writer is not null;

    /// <summary>It stayed up for <c>retry.reset-after</c>: its drop is retried at once.</summary>
    public bool Healthy { get; init; }
}
