using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace LiveActors.Emulator;

/// <summary>A conversation's state, shared by every connection that resumes it.</summary>
internal sealed class SessionState
{
    private int _turns;

    public string Id { get; } = Guid.NewGuid().ToString();

    public int Turns => Volatile.Read(ref _turns);

    public int NextTurn() => Interlocked.Increment(ref _turns);
}

/// <summary>Resumption handles and the sessions they stand for; handles expire after the configured lifetime.</summary>
internal sealed class SessionStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, (SessionState Session, DateTimeOffset Expires)> _handles = new(StringComparer.Ordinal);

    public string Issue(SessionState session)
    {
        var handle = "Cj" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        _handles[handle] = (session, time.GetUtcNow() + lifetime);
        return handle;
    }

    public SessionState? Resume(string handle) =>
        _handles.TryGetValue(handle, out var entry) && time.GetUtcNow() < entry.Expires ? entry.Session : null;

    public void ExpireAll() => _handles.Clear();
}
