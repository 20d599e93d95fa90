namespace LiveActors.Hosting;

/// <summary>
/// The registry key LiveActors.Cluster registers a sharded region under too (beside <see cref="Sessions.LiveSessions"/>),
/// so <c>AddLiveSessionsFacade</c> knows its sessions move between nodes and reaches them through the region.
/// </summary>
internal sealed class ShardedLiveSessions;
