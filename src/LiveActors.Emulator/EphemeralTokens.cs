using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LiveActors.Emulator;

/// <summary>Ephemeral tokens the emulator has issued, checked as the service checks them: expiry, new-session expiry and uses.</summary>
public sealed class EphemeralTokens
{
    private readonly ConcurrentDictionary<string, Token> _tokens = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    internal EphemeralTokens(TimeProvider time) => _time = time;

    /// <summary>Issues a token (<c>auth_tokens/...</c>) with the service's defaults: 1 use, 30 minutes, new sessions for 60 s.</summary>
    /// <param name="uses">Sessions it may start; 0 for unlimited. Resuming a session does not count.</param>
    /// <param name="expiresIn">How long sessions using it may run.</param>
    /// <param name="newSessionsFor">How long new sessions may start with it.</param>
    public string Issue(int uses = 1, TimeSpan? expiresIn = null, TimeSpan? newSessionsFor = null)
    {
        var now = _time.GetUtcNow();
        var name = "auth_tokens/" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        _tokens[name] = new Token(uses, now + (expiresIn ?? TimeSpan.FromMinutes(30)), now + (newSessionsFor ?? TimeSpan.FromSeconds(60)));
        return name;
    }

    /// <summary>At the upgrade: null when <paramref name="name"/> is a token that has not expired, else why not.</summary>
    internal string? Check(string name) =>
        !_tokens.TryGetValue(name, out var token) ? "The ephemeral token is not valid."
        : _time.GetUtcNow() >= token.ExpireTime ? "The ephemeral token has expired."
        : null;

    /// <summary>At setup of a new (not resumed) session: spends a use; null when allowed, else why not.</summary>
    internal string? StartSession(string name)
    {
        if (!_tokens.TryGetValue(name, out var token))
        {
            return "The ephemeral token is not valid.";
        }

        if (_time.GetUtcNow() >= token.NewSessionExpireTime)
        {
            return "The ephemeral token can no longer start new sessions.";
        }

        lock (token)
        {
            if (token.Uses != 0 && token.Used >= token.Uses)
            {
                return "The ephemeral token has no uses left.";
            }

            token.Used++;
        }

        return null;
    }

    private sealed class Token(int uses, DateTimeOffset expireTime, DateTimeOffset newSessionExpireTime)
    {
        public int Uses { get; } = uses;

        public DateTimeOffset ExpireTime { get; } = expireTime;

        public DateTimeOffset NewSessionExpireTime { get; } = newSessionExpireTime;

        public int Used { get; set; }
    }
}
