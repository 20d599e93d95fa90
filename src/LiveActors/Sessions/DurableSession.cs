using Akka.Actor;
using Akka.Persistence;
using LiveActors.Auth;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Dispatch;
using Microsoft.Extensions.Logging;

namespace LiveActors.Sessions;

/// <summary>
/// Keeps what a session must not lose past its process, with Akka.Persistence, under the session's id: its newest
/// resumable handle with when it was issued, its sequence counter, and every accepted message not yet done. It owns the
/// session actor and forwards it every message; after a restart it recovers the state first and starts the session
/// from it (resuming with the handle while it is young enough). When the session closes or gives up, its state goes.
/// </summary>
/// <remarks>
/// Events hold a handle, which is a secret: it is stored (that is the point) where the journal stores, never logged.
/// Client messages are stored as their wire JSON.
/// </remarks>
internal sealed class DurableSession : ReceivePersistentActor
{
    private const int SnapshotEvery = 500;

    private readonly string _sessionId;
    private readonly LiveConnectionOptions _options;
    private readonly ILoggerFactory? _loggerFactory;
    private readonly LiveEnvironment _environment;
    private readonly Passivation _passivation;
    private readonly TimeSpan _handleValidity;
    private readonly SortedDictionary<long, StoredMessage> _held = [];
    private readonly HashSet<string> _subscribers = new(StringComparer.Ordinal); // their serialized paths
    private string? _handle;
    private DateTimeOffset _handleIssued;
    private long _lastSequence;
    private bool _started; // the start is stored, with the setup it started with
    private string? _setup;
    private IActorRef? _session;
    private bool _ended;
    private bool _sessionGone;
    private int _deletions; // deletions of an ended session's state still to be confirmed

    public DurableSession(
        string sessionId, LiveConnectionOptions options, ILoggerFactory? loggerFactory, LiveEnvironment environment, Passivation passivation, TimeSpan handleValidity)
    {
        _sessionId = sessionId;
        _options = options;
        _loggerFactory = loggerFactory;
        _environment = environment;
        _passivation = passivation;
        _handleValidity = handleValidity;

        Recover<SessionEvent>(Apply);
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is SessionSnapshot snapshot)
            {
                Restore(snapshot);
            }
        });
        Recover<RecoveryCompleted>(_ =>
        {
            StartSession();
            FindSubscribers();
        });

        Command<DurableAccepted>(accepted => Store(new SessionEvent
        {
            Kind = SessionEventKind.Accepted,
            Sequence = accepted.Sequence,
            Message = Json(accepted.Message),
            Correlation = accepted.Correlation?.ToString(),
        }));
        Command<DurableDoneThrough>(done => Store(new SessionEvent { Kind = SessionEventKind.DoneThrough, Sequence = done.Sequence }));
        Command<DurableHandle>(handle => Store(new SessionEvent { Kind = SessionEventKind.Handle, Handle = handle.Handle, At = handle.IssuedAt }));
        Command<DurableEnded>(ended =>
        {
            _ended = true; // the conversation is over: nothing of it needs to survive
            _deletions = 2;

            // After the writes still on their way: a journal may run a delete beside a pending write, which would then
            // leave an event of the ended conversation for the next session of this id to recover.
            DeferAsync(ended, _ =>
            {
                DeleteMessages(long.MaxValue);
                DeleteSnapshots(SnapshotSelectionCriteria.Latest);
            });
        });
        Command<FlushState>(_ =>
        {
            var replyTo = Sender;
            DeferAsync(FlushState.Instance, _ => replyTo.Tell(new StateFlushed(_handle is not null, _held.Count, _lastSequence)));
        });
        Command<SaveSnapshotSuccess>(saved =>
        {
            if (!_ended)
            {
                DeleteMessages(saved.Metadata.SequenceNr);
            }
        });
        Command<SaveSnapshotFailure>(_ => { });
        Command<DeleteMessagesSuccess>(_ => Deleted());
        Command<DeleteMessagesFailure>(_ => Deleted());
        Command<DeleteSnapshotsSuccess>(_ => Deleted());
        Command<DeleteSnapshotsFailure>(_ => Deleted());
        Command<Terminated>(terminated =>
        {
            if (terminated.ActorRef.Equals(_session))
            {
                _sessionGone = true;
                StopWhenDone(); // its session ended (or the system stops): the state stays unless it said it ended
                return;
            }

            Unsubscribed(terminated.ActorRef); // a subscriber stopped: the session forgets it too
        });
        Command<Live.Subscribe>(subscribe =>
        {
            _session.Forward(subscribe);
            Context.Watch(subscribe.Subscriber);
            if (_subscribers.Add(Path(subscribe.Subscriber)))
            {
                Store(new SessionEvent { Kind = SessionEventKind.Subscribed, Subscriber = Path(subscribe.Subscriber) });
            }
        });
        Command<Live.Unsubscribe>(unsubscribe =>
        {
            _session.Forward(unsubscribe);
            Context.Unwatch(unsubscribe.Subscriber);
            Unsubscribed(unsubscribe.Subscriber);
        });
        Command<ActorIdentity>(identity =>
        {
            if (identity.Subject is { } subscriber)
            {
                Self.Tell(new Live.Subscribe(subscriber)); // alive: subscribed again, as if it had asked (the reply comes here)
            }
            else if (identity.MessageId is string path && _subscribers.Remove(path))
            {
                Store(new SessionEvent { Kind = SessionEventKind.Unsubscribed, Subscriber = path });
            }
        });
        Command<Live.Subscribed>(_ => { }); // the session's reply to a subscription this actor renewed
        Command<SessionPassivated>(passivated => Context.Parent.Tell(passivated)); // the region knows this actor, not the session
        Command<SessionWoke>(woke => Context.Parent.Tell(woke));
        Command<SessionEnding>(ending => Context.Parent.Tell(ending));
        Command<SessionDrained>(drained => DeferAsync(drained, _ => Context.Parent.Tell(drained))); // once its handle is stored
        CommandAny(message => _session.Forward(message));
    }

    /// <inheritdoc />
    public override string PersistenceId => "live-session-" + _sessionId;

    /// <inheritdoc />
    protected override void PostStop()
    {
        SessionEnds.Get(Context.System).Ended(Self, _ended ? SessionEnd.Closed : SessionEnd.Stopped); // before what is left in its mailbox is dead
        base.PostStop();
    }

    public static Props Props(
        string sessionId, LiveConnectionOptions options, ILoggerFactory? loggerFactory, LiveEnvironment environment, Passivation passivation, TimeSpan handleValidity) =>
        ActorFactory<DurableSession>.Props(() => new DurableSession(sessionId, options, loggerFactory, environment, passivation, handleValidity));

    /// <summary>An ended session's state is gone only once the journal says so: a new session for the id must not recover it.</summary>
    private void Deleted()
    {
        if (_ended && _deletions > 0)
        {
            _deletions--;
            StopWhenDone();
        }
    }

    private void StopWhenDone()
    {
        if (_sessionGone && (!_ended || _deletions == 0))
        {
            Context.Stop(Self);
        }
    }

    private void StartSession()
    {
        RecoveredSession? recovered = null;
        if (LastSequenceNr > 0 || _handle is not null)
        {
            var young = _handle is not null && Context.System.Scheduler.Now - _handleIssued < _handleValidity;
            recovered = new RecoveredSession(
                young ? _handle : null,
                _lastSequence,
                [.. _held.Values.Select(m => new HeldMessage(m.Sequence, Read(m.Message), m.Correlation))],
                HandleTooOld: _handle is not null && !young);
        }

        // A conversation goes on with the setup it started with, whatever the options factory says today; a new one
        // stores its setup first.
        var options = _options;
        if (_started)
        {
            options = options with { Setup = _setup is null ? null : Read(_setup) as Setup ?? options.Setup };
        }
        else
        {
            Store(new SessionEvent { Kind = SessionEventKind.Started, Message = _options.Setup is { } setup ? Json(setup) : null });
        }

        var props = ConnectionSupervisor.Props(options, _loggerFactory, _environment, subscriber: null, _passivation, new Durability(Self, recovered));
        _session = Context.ActorOf(SessionDispatcher.On(Context, props), "session");
        Context.Watch(_session);
    }

    private void Store(SessionEvent @event)
    {
        if (_ended)
        {
            return;
        }

        PersistAsync(@event, stored =>
        {
            Apply(stored);
            if (LastSequenceNr % SnapshotEvery == 0 && !_ended)
            {
                SaveSnapshot(Snapshot());
            }
        });
    }

    private void Apply(SessionEvent @event)
    {
        switch (@event.Kind)
        {
            case SessionEventKind.Accepted:
                _held[@event.Sequence] = new StoredMessage(@event.Sequence, @event.Message ?? "{}", @event.Correlation);
                _lastSequence = Math.Max(_lastSequence, @event.Sequence);
                break;
            case SessionEventKind.DoneThrough:
                while (_held.Count > 0 && _held.First().Key <= @event.Sequence)
                {
                    _held.Remove(_held.First().Key);
                }

                _lastSequence = Math.Max(_lastSequence, @event.Sequence);
                break;
            case SessionEventKind.Handle:
                _handle = @event.Handle;
                _handleIssued = @event.At;
                break;
            case SessionEventKind.Started:
                _started = true;
                _setup = @event.Message;
                break;
            case SessionEventKind.Subscribed when @event.Subscriber is { } subscriber:
                _subscribers.Add(subscriber);
                break;
            case SessionEventKind.Unsubscribed when @event.Subscriber is { } subscriber:
                _subscribers.Remove(subscriber);
                break;
        }
    }

    private SessionSnapshot Snapshot() => new()
    {
        Handle = _handle,
        HandleIssued = _handleIssued,
        LastSequence = _lastSequence,
        Held = [.. _held.Values],
        Setup = _setup,
        Started = _started,
        Subscribers = [.. _subscribers],
    };

    private void Restore(SessionSnapshot snapshot)
    {
        _handle = snapshot.Handle;
        _handleIssued = snapshot.HandleIssued;
        _lastSequence = snapshot.LastSequence;
        _started = snapshot.Started;
        _setup = snapshot.Setup;
        _subscribers.Clear();
        _subscribers.UnionWith(snapshot.Subscribers ?? []);
        _held.Clear();
        foreach (var message in snapshot.Held ?? [])
        {
            _held[message.Sequence] = message;
        }
    }

    /// <summary>
    /// Asks each subscriber an earlier incarnation stored whether it is still there: a session that moved to another node
    /// (or came back on this one) keeps sending its events to the facades and actors that listened, wherever they are.
    /// </summary>
    private void FindSubscribers()
    {
        foreach (var path in _subscribers)
        {
            ((ExtendedActorSystem)Context.System).Provider.ResolveActorRef(path).Tell(new Identify(path)); // a gone one answers with no subject
        }
    }

    private void Unsubscribed(IActorRef subscriber)
    {
        if (_subscribers.Remove(Path(subscriber)))
        {
            Store(new SessionEvent { Kind = SessionEventKind.Unsubscribed, Subscriber = Path(subscriber) });
        }
    }

    private static string Path(IActorRef actor) => Akka.Serialization.Serialization.SerializedActorPath(actor);

    /// <summary>A message's wire JSON, as text: a journal's JSON serializer would base64 bytes.</summary>
    private static string Json(ClientMessage message) => System.Text.Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(message));

    private static ClientMessage Read(string json) =>
        ClientMessageSerializer.TryDeserialize(System.Text.Encoding.UTF8.GetBytes(json), out var message, out _) && message is not null
            ? message
            : new RawClientMessage(System.Text.Json.JsonDocument.Parse(json).RootElement);
}

/// <summary>Asks a <see cref="DurableSession"/> to answer, with <see cref="StateFlushed"/>, once everything told before is stored.</summary>
internal sealed record FlushState
{
    public static readonly FlushState Instance = new();
}

/// <summary>What a <see cref="DurableSession"/> has stored: whether a handle, how many messages not yet done, the last sequence.</summary>
internal sealed record StateFlushed(bool HasHandle, int Held, long LastSequence);
