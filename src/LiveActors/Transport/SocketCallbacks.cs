namespace LiveActors.Transport;

/// <summary>Where a <see cref="LiveSocket"/>'s loops report; each is called from a loop, so each must be thread-safe (a Tell).</summary>
/// <param name="ToConnection">To the connection actor: <see cref="SocketEnded"/>, and what arrives up to setupComplete.</param>
/// <param name="ToSession">To the session: what arrives after the connection has taken setupComplete.</param>
/// <param name="Written">To the session: every message up to this sequence number has been written.</param>
/// <param name="Reading">
/// The receive loop is about to read: true when the read has to wait for the network, false when data is already there.
/// Also called with true before the loop waits on anything else, and when it ends. Called by the loop only, one call at
/// a time.
/// </param>
internal sealed record SocketCallbacks(Action<object> ToConnection, Action<object> ToSession, Action<long> Written, Action<bool> Reading);
