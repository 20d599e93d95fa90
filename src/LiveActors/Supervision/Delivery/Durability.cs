using Akka.Actor;
using LiveActors.Protocol;

namespace LiveActors.Supervision.Delivery;

// Between a session and its keeper (a DurableSession): what must outlive the process, reported as it happens, and what
// a restarted process recovered.

/// <summary>A session's keeper and what it recovered, given to the session when it starts.</summary>
/// <param name="Keeper">Told every change that must survive the process.</param>
/// <param name="Recovered">What an earlier process left; null for a new session.</param>
internal sealed record Durability(IActorRef Keeper, RecoveredSession? Recovered);

/// <summary>What an earlier process left of a session: its newest handle (null when none, or too old) and what was unconfirmed.</summary>
/// <param name="Handle">The newest resumable handle, while young enough to resume with.</param>
/// <param name="LastSequence">The highest sequence the session had given a message.</param>
/// <param name="Unconfirmed">The messages the server had not shown it had, in order.</param>
/// <param name="HandleTooOld">True when a handle was stored but is older than the service keeps it.</param>
internal sealed record RecoveredSession(string? Handle, long LastSequence, IReadOnlyList<HeldMessage> Unconfirmed, bool HandleTooOld);

/// <summary>An accepted message as it is kept: its sequence, the message, and its sender's correlation value as text.</summary>
internal sealed record HeldMessage(long Sequence, ClientMessage Message, string? Correlation);

/// <summary>
/// Session to keeper: a message was accepted and must survive until it is done. The keeper stores it, then tells
/// <paramref name="ReplyTo"/> (when there is one) <see cref="Live.SendAccepted"/>: store before acknowledging.
/// </summary>
internal sealed record DurableAccepted(long Sequence, ClientMessage Message, object? Correlation, IActorRef? ReplyTo = null);

/// <summary>Session to keeper: every message up to this sequence is done (confirmed, or reported).</summary>
internal sealed record DurableDoneThrough(long Sequence);

/// <summary>Session to keeper: a new resumable handle, issued at about <paramref name="IssuedAt"/>.</summary>
internal sealed record DurableHandle(string Handle, DateTimeOffset IssuedAt);

/// <summary>Session to keeper: the session is over (closed or gave up): nothing of it needs to survive.</summary>
internal sealed record DurableEnded
{
    public static readonly DurableEnded Instance = new();
}
