using LiveActors.Protocol;

namespace LiveActors.Auth;

/// <summary>
/// What an ephemeral token may do (docs/live-api.md §1.2). Every property left null takes the service's default: one use,
/// sessions until 30 minutes from now, new sessions for 60 seconds.
/// </summary>
public sealed record EphemeralTokenRequest
{
    /// <summary>How many sessions the token may start; 0 for unlimited. Resuming a session does not spend a use.</summary>
    public int? Uses { get; init; }

    /// <summary>After this, messages on sessions using the token are refused. Must be less than 20 hours ahead.</summary>
    public DateTimeOffset? ExpireTime { get; init; }

    /// <summary>After this, no new session may start with the token. Must be less than 20 hours ahead.</summary>
    public DateTimeOffset? NewSessionExpireTime { get; init; }

    /// <summary>
    /// Setup fields to lock: a session using the token gets these whatever its own setup says. A bare model name is
    /// expanded to <c>models/NAME</c>.
    /// </summary>
    public Setup? LockedSetup { get; init; }

    /// <summary>More setup fields to lock (field paths such as <c>generationConfig.temperature</c>); sent as <c>fieldMask</c>.</summary>
    public IReadOnlyList<string>? LockedFields { get; init; }
}
