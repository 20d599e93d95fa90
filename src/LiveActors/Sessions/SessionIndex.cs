using Akka.Actor;
using Akka.Persistence;

namespace LiveActors.Sessions;

/// <summary>
/// Remembers, with Akka.Persistence, which of a region's sessions hold a socket (<c>live-sessions-REGION</c>): one event
/// when a session opens or wakes, passivates, or ends. When the region starts in a new process, the index recovers and
/// tells it (<see cref="RecoverSessions"/>) which sessions were open when the last one stopped, so it recovers them at once.
/// </summary>
/// <remarks>
/// Passivations of a shutdown are not recorded (the region does not report them): a session passivated only because its
/// process stopped was open, and is recovered.
/// </remarks>
internal sealed class SessionIndex : ReceivePersistentActor
{
    private const int SnapshotEvery = 1000;

    private readonly string _regionName;
    private readonly HashSet<string> _open = new(StringComparer.Ordinal); // as stored
    private readonly HashSet<string> _told = new(StringComparer.Ordinal); // as the region last said, stored or not yet

    public SessionIndex(string regionName)
    {
        _regionName = regionName;
        Recover<IndexEvent>(Apply);
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is IndexSnapshot snapshot)
            {
                _open.Clear();
                _open.UnionWith(snapshot.Open ?? []);
            }
        });
        Recover<RecoveryCompleted>(_ =>
        {
            _told.UnionWith(_open);
            Context.Parent.Tell(new RecoverSessions([.. _open]));
        });

        Command<IndexEvent>(@event =>
        {
            var changed = @event.Kind == IndexEventKind.Open ? _told.Add(@event.SessionId) : _told.Remove(@event.SessionId);
            if (!changed)
            {
                return; // nothing new to store
            }

            PersistAsync(@event, stored =>
            {
                Apply(stored);
                if (LastSequenceNr % SnapshotEvery == 0)
                {
                    SaveSnapshot(new IndexSnapshot { Open = [.. _open] });
                }
            });
        });
        Command<FlushState>(_ =>
        {
            var replyTo = Sender;
            DeferAsync(FlushState.Instance, _ => replyTo.Tell(new StateFlushed(HasHandle: false, _open.Count, LastSequenceNr)));
        });
        Command<SaveSnapshotSuccess>(saved => DeleteMessages(saved.Metadata.SequenceNr));
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => { });
        Command<DeleteMessagesFailure>(_ => { });
    }

    /// <inheritdoc />
    public override string PersistenceId => "live-sessions-" + _regionName;

    public static Props Props(string regionName) => ActorFactory<SessionIndex>.Props(() => new SessionIndex(regionName));

    private void Apply(IndexEvent @event)
    {
        if (@event.Kind == IndexEventKind.Open)
        {
            _open.Add(@event.SessionId);
        }
        else
        {
            _open.Remove(@event.SessionId);
        }
    }
}

/// <summary>Index to region, once recovered: the sessions that held a socket when the region's last process stopped.</summary>
internal sealed record RecoverSessions(IReadOnlyList<string> SessionIds);

/// <summary>A change the <see cref="SessionIndex"/> stores (plain data, for any journal).</summary>
internal sealed record IndexEvent
{
    /// <summary>The session's id.</summary>
    public string SessionId { get; init; } = "";

    /// <summary>Whether it opened (started or woke) or stopped holding a socket (passivated or ended).</summary>
    public IndexEventKind Kind { get; init; }

    public static IndexEvent Opened(string sessionId) => new() { SessionId = sessionId, Kind = IndexEventKind.Open };

    public static IndexEvent Shut(string sessionId) => new() { SessionId = sessionId, Kind = IndexEventKind.Shut };
}

/// <summary>The kinds of <see cref="IndexEvent"/>.</summary>
internal enum IndexEventKind
{
    /// <summary>The session holds a socket: it started, or woke.</summary>
    Open,

    /// <summary>It holds none: it passivated, or ended.</summary>
    Shut,
}

/// <summary>The <see cref="SessionIndex"/>'s whole state.</summary>
internal sealed record IndexSnapshot
{
    /// <summary>The sessions holding a socket.</summary>
    public IReadOnlyList<string>? Open { get; init; }
}
