namespace LiveActors.Auth;

/// <summary>
/// An ephemeral token minted by <see cref="EphemeralTokenClient"/>. Hand <see cref="Name"/> to the client that will
/// connect (as its <c>ApiKey</c>); it is a secret, so <see cref="ToString"/> never shows it.
/// </summary>
/// <param name="Name">The token, <c>auth_tokens/...</c>.</param>
public sealed record EphemeralToken(string Name)
{
    /// <summary>When sessions using it stop being served, if the service said.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>When it stops starting new sessions, if the service said.</summary>
    public DateTimeOffset? NewSessionExpireTime { get; init; }

    /// <summary>How many sessions it may start (0: unlimited), if the service said.</summary>
    public int? Uses { get; init; }

    /// <summary>The token's limits, with its name shown as <c>auth_tokens/***</c>.</summary>
    public override string ToString() =>
        $"EphemeralToken {{ Name = auth_tokens/***, ExpireTime = {ExpireTime:O}, NewSessionExpireTime = {NewSessionExpireTime:O}, Uses = {Uses} }}";
}
