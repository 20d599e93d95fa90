using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Security.Cryptography;

namespace LiveActors.Emulator;

/// <summary>
/// A conversation's state as one connection holds it: its turn count and the client messages it has consumed, in order.
/// A connection gets a fresh state, or on resumption a copy of what a handle captured; what it appends is its own.
/// </summary>
internal sealed class SessionState
{
    private readonly Lock _gate = new();
    private int _turns;
    private ImmutableList<RecordedMessage> _log;
    private int _appendedHere;
    private string? _instruction;
    private IReadOnlyList<string> _tools = [];

    public SessionState()
        : this(Guid.NewGuid().ToString(), 0, [])
    {
    }

    private SessionState(string id, int turns, ImmutableList<RecordedMessage> log, string? instruction = null, IReadOnlyList<string>? tools = null)
    {
        Id = id;
        _turns = turns;
        _log = log;
        _instruction = instruction;
        _tools = tools ?? [];
    }

    /// <summary>The system instruction's text as setup and every contextUpdate since left it; null when there is none.</summary>
    public string? Instruction
    {
        get
        {
            lock (_gate)
            {
                return _instruction;
            }
        }
    }

    /// <summary>The names of the functions the model may call, as setup and every contextUpdate since left them.</summary>
    public IReadOnlyList<string> Tools
    {
        get
        {
            lock (_gate)
            {
                return _tools;
            }
        }
    }

    /// <summary>Setup or a contextUpdate changed the instruction, the tools, or both (null: unchanged).</summary>
    public void Update(string? instruction, IReadOnlyList<string>? tools)
    {
        lock (_gate)
        {
            _instruction = instruction ?? _instruction;
            _tools = tools ?? _tools;
        }
    }

    public string Id { get; }

    public int Turns
    {
        get
        {
            lock (_gate)
            {
                return _turns;
            }
        }
    }

    /// <summary>Every client message the conversation has consumed, across the connections it was resumed on.</summary>
    public IReadOnlyList<RecordedMessage> Log
    {
        get
        {
            lock (_gate)
            {
                return _log;
            }
        }
    }

    public int NextTurn()
    {
        lock (_gate)
        {
            return ++_turns;
        }
    }

    /// <summary>The conversation consumes a client message that arrived on this connection.</summary>
    public void Append(RecordedMessage message)
    {
        lock (_gate)
        {
            _log = _log.Add(message);
            _appendedHere++;
        }
    }

    /// <summary>
    /// The state as a handle issued now captures it, and the index of the last message this connection consumed
    /// (<c>lastConsumedClientMessageIndex</c>, docs/live-api.md 5.3: setup is 0 and the first message after it 1, counted
    /// per connection), read together.
    /// </summary>
    public (SessionState Captured, long LastConsumed) Capture()
    {
        lock (_gate)
        {
            return (new SessionState(Id, _turns, _log, _instruction, _tools), _appendedHere);
        }
    }

    /// <summary>A copy of a captured state for a connection that resumes it.</summary>
    public SessionState Resume() => Capture().Captured;

    /// <summary>The captured state as a session file keeps it.</summary>
    public StoredSession ToStored()
    {
        lock (_gate)
        {
            return new StoredSession(Id, _turns, _instruction, _tools, _log);
        }
    }

    /// <summary>A captured state read back from a session file.</summary>
    public static SessionState FromStored(StoredSession stored) =>
        new(stored.Id, stored.Turns, [.. stored.Log ?? []], stored.Instruction, stored.Tools);
}

/// <summary>
/// Resumption handles and the conversation state each one captured (as on the service, a handle stands for the state at
/// the resumable point it was issued, not for what came after); handles expire after the configured lifetime. With a
/// <see cref="SessionFile"/> they outlive the emulator's process, as the service's outlive a client's.
/// </summary>
internal sealed class SessionStore
{
    private readonly ConcurrentDictionary<string, (SessionState Captured, DateTimeOffset Expires)> _handles = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly SessionFile? _file;

    public SessionStore(TimeProvider time, TimeSpan lifetime, SessionFile? file = null)
    {
        _time = time;
        _lifetime = lifetime;
        _file = file;
        foreach (var stored in file?.Read() ?? [])
        {
            if (time.GetUtcNow() < stored.Expires)
            {
                _handles[stored.Handle] = (SessionState.FromStored(stored.Session), stored.Expires);
            }
        }
    }

    /// <summary>Issues a handle for the state as it is now, with the index of the last message the connection consumed.</summary>
    public (string Handle, long LastConsumed) Issue(SessionState session)
    {
        var handle = "Cj" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var (captured, lastConsumed) = session.Capture();
        _handles[handle] = (captured, _time.GetUtcNow() + _lifetime);
        Save();
        return (handle, lastConsumed);
    }

    public SessionState? Resume(string handle) =>
        _handles.TryGetValue(handle, out var entry) && _time.GetUtcNow() < entry.Expires ? entry.Captured.Resume() : null;

    public void ExpireAll()
    {
        _handles.Clear();
        Save();
    }

    /// <summary>Writes the handles still valid to the session file, if there is one.</summary>
    private void Save()
    {
        if (_file is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        _file.Write([.. _handles
            .Where(entry => now < entry.Value.Expires)
            .Select(entry => new StoredHandle(entry.Key, entry.Value.Expires, entry.Value.Captured.ToStored()))]);
    }
}
