namespace LiveActors.Host;

/// <summary>What the session talks to, in words: the first line the host prints once the session has started.</summary>
internal sealed record SessionTarget(string Description);
