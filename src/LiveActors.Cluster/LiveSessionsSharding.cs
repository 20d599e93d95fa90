using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Cluster;

/// <summary>How a <see cref="Sessions.LiveSessions"/> region runs on Akka.Cluster.Sharding.</summary>
public sealed record LiveSessionsSharding
{
    /// <summary>The sharding type name, and the name the region is registered under; <c>live-sessions</c> by default.</summary>
    public string TypeName { get; init; } = "live-sessions";

    /// <summary>The cluster role whose nodes hold sessions; null: every node.</summary>
    public string? Role { get; init; }

    /// <summary>
    /// How many shards the session ids spread over: about ten times the most nodes the cluster will have. Changing it
    /// moves ids between shards, so keep it for the cluster's life.
    /// </summary>
    public int NumberOfShards { get; init; } = 100;

    /// <summary>
    /// Whether sharding restarts every session that was running when its node left or died, at once, instead of at its
    /// next message (Akka's remember-entities, kept in the journal).
    /// </summary>
    public bool RememberEntities { get; init; }

    /// <summary>
    /// After how long without a message sharding stops a session's actors altogether (its state stays in the journal, and
    /// the next message recovers it); null: never. Socket passivation (<see cref="Sessions.LiveSessionsOptions.PassivateAfter"/>)
    /// happens first either way.
    /// </summary>
    public TimeSpan? PassivateIdleAfter { get; init; }

    /// <summary>
    /// How long a session that moves (its node leaves, or sharding rebalances) may take to finish what is in flight and
    /// passivate before it stops anyway; what is cut short is recovered by the usual rules on its new node.
    /// </summary>
    public TimeSpan HandOffBudget { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Every problem with these options; empty when they are usable.</summary>
    public IReadOnlyList<ConnectionError> Validate()
    {
        var errors = new List<ConnectionError>();
        if (string.IsNullOrWhiteSpace(TypeName))
        {
            errors.Add(new InvalidOption(nameof(TypeName), "sharding", "must not be empty."));
        }

        if (NumberOfShards < 1)
        {
            errors.Add(new InvalidOption(nameof(NumberOfShards), "sharding", $"must be at least 1 (was {NumberOfShards})."));
        }

        if (PassivateIdleAfter is { } idle && idle <= TimeSpan.Zero)
        {
            errors.Add(new InvalidOption(nameof(PassivateIdleAfter), "sharding", $"must be positive, or null (was {idle})."));
        }

        if (HandOffBudget <= TimeSpan.Zero)
        {
            errors.Add(new InvalidOption(nameof(HandOffBudget), "sharding", $"must be positive (was {HandOffBudget})."));
        }

        return errors;
    }
}
