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
    /// (<c>lastConsumedClientMessageIndex</c>, PROTOCOL.md 5.3: setup is 0 and the first message after it 1, counted
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
}

/// <summary>
/// Resumption handles and the conversation state each one captured (as on the service, a handle stands for the state at
/// the resumable point it was issued, not for what came after); handles expire after the configured lifetime.
/// </summary>
internal sealed class SessionStore(TimeProvider time, TimeSpan lifetime)
{
    private readonly ConcurrentDictionary<string, (SessionState Captured, DateTimeOffset Expires)> _handles = new(StringComparer.Ordinal);

    /// <summary>Issues a handle for the state as it is now, with the index of the last message the connection consumed.</summary>
    public (string Handle, long LastConsumed) Issue(SessionState session)
    {
        var handle = "Cj" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_').TrimEnd('=');
        var (captured, lastConsumed) = session.Capture();
        _handles[handle] = (captured, time.GetUtcNow() + lifetime);
        return (handle, lastConsumed);
    }

    public SessionState? Resume(string handle) =>
        _handles.TryGetValue(handle, out var entry) && time.GetUtcNow() < entry.Expires ? entry.Captured.Resume() : null;

    public void ExpireAll() => _handles.Clear();
}
