using LiveActors.Auth;
using LiveActors.Protocol;

namespace LiveActors.Transport;

/// <summary>
/// What a ConnectionActor needs for one attempt: where and how to connect, the setup to send (and the initial history,
/// for a new server session that gets one, written right after setupComplete, before anything else), its time budgets.
/// </summary>
internal sealed record ConnectionPlan(
    SocketSettings Settings,
    IHeaderSource Credentials,
    Setup Setup,
    TimeSpan Timeout,
    TimeSpan CloseTimeout,
    int Attempt)
{
    /// <summary>The initial history for a new server session; null when there is none, or the connection resumes.</summary>
    public ClientContent? History { get; init; }

    /// <summary>How many client messages the handshake writes: setup, and the history when there is one.</summary>
    public int HandshakeMessages => History is null ? 1 : 2;
}
