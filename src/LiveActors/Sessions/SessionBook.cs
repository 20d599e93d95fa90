using Akka.Actor;

namespace LiveActors.Sessions;

/// <summary>
/// A region's book of its sessions: each id's entry and actor, which of them hold a socket in least recently used
/// order, and which to ask to passivate past the cap. Plain data, the region's actor does what it says.
/// </summary>
internal sealed class SessionBook
{
    private readonly Dictionary<string, SessionEntry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<IActorRef, SessionEntry> _byRef = [];
    private readonly LinkedList<SessionEntry> _open = new(); // least recently used first

    /// <summary>How many sessions, passivated ones included.</summary>
    public int Count => _byId.Count;

    /// <summary>How many hold a socket.</summary>
    public int OpenCount => _open.Count;

    /// <summary>Every entry.</summary>
    public IEnumerable<SessionEntry> Entries => _byId.Values;

    /// <summary>Every session's actor that has started (a recovered id has none until its first message).</summary>
    public IReadOnlyList<IActorRef> Actors => [.. _byRef.Keys];

    /// <summary>Whether the id has an entry.</summary>
    public bool Has(string sessionId) => _byId.ContainsKey(sessionId);

    /// <summary>The entry of an id, or null.</summary>
    public SessionEntry? Find(string sessionId) => _byId.GetValueOrDefault(sessionId);

    /// <summary>The entry whose actor is <paramref name="session"/>, or null.</summary>
    public SessionEntry? Find(IActorRef session) => _byRef.GetValueOrDefault(session);

    /// <summary>A new entry for <paramref name="sessionId"/>, run by <paramref name="session"/>.</summary>
    public SessionEntry Add(string sessionId, IActorRef session)
    {
        var entry = new SessionEntry(sessionId, session);
        _byId[sessionId] = entry;
        _byRef[session] = entry;
        return entry;
    }

    /// <summary>The session's actor stopped: its entry leaves the book (returned), or null when it had none.</summary>
    public SessionEntry? Remove(IActorRef session)
    {
        if (!_byRef.Remove(session, out var entry))
        {
            return null;
        }

        _byId.Remove(entry.SessionId);
        Shut(entry);
        return entry;
    }

    /// <summary>A message went to the session: it is now the most recently used.</summary>
    public void Used(SessionEntry entry)
    {
        if (entry.OpenNode is { } node)
        {
            _open.Remove(node);
            _open.AddLast(node);
        }
    }

    /// <summary>The session holds (or opens) a socket; true when it did not before.</summary>
    public bool Open(SessionEntry entry)
    {
        if (entry.OpenNode is not null)
        {
            return false;
        }

        entry.OpenNode = _open.AddLast(entry);
        return true;
    }

    /// <summary>The session holds no socket any more; true when it held one.</summary>
    public bool Shut(SessionEntry entry)
    {
        if (entry.OpenNode is not { } node)
        {
            return false;
        }

        _open.Remove(node);
        entry.OpenNode = null;
        return true;
    }

    /// <summary>Past <paramref name="maxOpen"/> sockets, the least recently used sessions but <paramref name="keep"/>, one per socket too many.</summary>
    public IReadOnlyList<SessionEntry> OverCap(int maxOpen, SessionEntry keep)
    {
        var excess = _open.Count - maxOpen;
        var over = new List<SessionEntry>();
        for (var node = _open.First; excess > 0 && node is not null; node = node.Next)
        {
            if (node.Value != keep)
            {
                over.Add(node.Value);
                excess--;
            }
        }

        return over;
    }
}

/// <summary>One session of a region: its id, its actor, whether it is closing, and what waits for the session after it.</summary>
internal sealed class SessionEntry(string sessionId, IActorRef session)
{
    public string SessionId { get; } = sessionId;

    public IActorRef Session { get; } = session;

    /// <summary>Asked to close, or ending: what comes now waits for the next session of the id.</summary>
    public bool Closing { get; set; }

    /// <summary>What came while it closed, with its senders, in order.</summary>
    public List<(object Message, IActorRef Sender)> Waiting { get; } = [];

    /// <summary>Its place among the sessions holding a socket; null when it holds none.</summary>
    public LinkedListNode<SessionEntry>? OpenNode { get; set; }

    /// <summary>Keeps <paramref name="message"/> for the next session unless <paramref name="max"/> already wait; true when kept.</summary>
    public bool Hold(object message, IActorRef sender, int max)
    {
        if (Waiting.Count >= max)
        {
            return false;
        }

        Waiting.Add((message, sender));
        return true;
    }
}
