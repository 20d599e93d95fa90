using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LiveActors.Emulator;

/// <summary>A conversation's state on one connection; resuming starts from the state a handle captured.</summary>
internal sealed class SessionState
{
    private int _turns;

    public SessionState()
        : this(Guid.NewGuid().ToString(), 0)
    {
    }

    private SessionState(string id, int turns)
    {
        Id = id;
        _turns = turns;
    }

    public string Id { get; }

    /// <summary>The conversation as it was at <paramref name="turns"/> turns, as a handle issued then represents it.</summary>
    public SessionState At(int turns) => new(Id, turns);

    public int Turns => Volatile.Read(ref _turns);

    public int NextTurn() => Interlocked.Increment(ref _turns);
}

/// <summary>
/// Resumption handles and the conversation state each one captured (as on the service, a handle stands for the state at
/// the resumable point it was issued, not for what came after); handles expire after the configured lifetime.
/// </summary>
internal sealed class SessionStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, (SessionState Session, int Turns, DateTimeOffset Expires)> _handles = new(StringComparer.Ordinal);

    public string Issue(SessionState session)
    {
        var handle = "Cj" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _handles[handle] = (session, session.Turns, time.GetUtcNow() + lifetime);
        return handle;
    }

    public SessionState? Resume(string handle) =>
        _handles.TryGetValue(handle, out var entry) && time.GetUtcNow() < entry.Expires ? entry.Session.At(entry.Turns) : null;

    public void ExpireAll() => _handles.Clear();
}
