using Akka.Actor;
using Akka.Persistence;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Supervision.Delivery;
using LiveActors.Supervision.Dispatch;
using Microsoft.Extensions.Logging;
using static LiveActors.Errors.ConnectionError;

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
    private readonly SessionJournalState _state = new();
    private readonly Dictionary<long, DurableAccepted> _unacknowledged = []; // accepted, its write not yet confirmed
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

        Recover<SessionEvent>(_state.Apply);
        Recover<SnapshotOffer>(offer =>
        {
            if (offer.Snapshot is SessionSnapshot snapshot)
            {
                _state.Restore(snapshot);
            }
        });
        Recover<RecoveryCompleted>(_ =>
        {
            StartSession();
            FindSubscribers();
        });

        Command<DurableAccepted>(StoreThenAcknowledge);
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
            DeferAsync(FlushState.Instance, _ => replyTo.Tell(new StateFlushed(_state.HasHandle, _state.HeldCount, _state.LastSequence)));
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
            if (_state.Subscribe(Path(subscribe.Subscriber)))
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
            else if (identity.MessageId is string path && _state.Unsubscribe(path))
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
        var recovered = _state.Recovered(LastSequenceNr > 0, Context.System.Scheduler.Now, _handleValidity, StoredJson.Read);

        // A conversation goes on with the setup it started with, whatever the options factory says today; a new one
        // stores its setup first.
        var options = _options;
        if (_state.Started)
        {
            options = options with { Setup = _state.Setup is null ? null : StoredJson.Read(_state.Setup) as Setup ?? options.Setup };
        }
        else
        {
            Store(new SessionEvent { Kind = SessionEventKind.Started, Message = _options.Setup is { } setup ? StoredJson.Write(setup) : null });
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

        PersistAsync(@event, Stored);
    }

    /// <summary>
    /// Store before acknowledging: the sender hears SendAccepted only once the journal has the message, so a crash never
    /// loses an acknowledged turn and a restart never hands its sequence out again. Persist (not PersistAsync) holds the
    /// commands that follow until the write is confirmed, as Akka.Delivery's durable producer queue does.
    /// </summary>
    private void StoreThenAcknowledge(DurableAccepted accepted)
    {
        if (_ended)
        {
            accepted.ReplyTo?.Tell(new Status.Failure(new LiveConnectionException(SessionClosed.Instance)));
            return;
        }

        _unacknowledged[accepted.Sequence] = accepted;
        var @event = new SessionEvent
        {
            Kind = SessionEventKind.Accepted,
            Sequence = accepted.Sequence,
            Message = StoredJson.Write(accepted.Message),
            Correlation = accepted.Correlation?.ToString(),
        };
        Persist(@event, stored =>
        {
            Stored(stored);
            _unacknowledged.Remove(accepted.Sequence);
            accepted.ReplyTo?.Tell(new Live.SendAccepted(accepted.Sequence, accepted.Correlation));
        });
    }

    /// <inheritdoc />
    protected override void OnPersistFailure(Exception cause, object @event, long sequenceNr)
    {
        NotStored(@event, cause); // the actor stops; its sender hears why, not nothing
        base.OnPersistFailure(cause, @event, sequenceNr);
    }

    /// <inheritdoc />
    protected override void OnPersistRejected(Exception cause, object @event, long sequenceNr)
    {
        NotStored(@event, cause);
        base.OnPersistRejected(cause, @event, sequenceNr);
    }

    /// <summary>An accepted message the journal did not store: written perhaps, unproven, so its sender hears it is uncertain.</summary>
    private void NotStored(object @event, Exception cause)
    {
        if (@event is SessionEvent { Kind: SessionEventKind.Accepted } accepted && _unacknowledged.Remove(accepted.Sequence, out var waiting))
        {
            var error = new DeliveryUncertain(new ConnectionFailed("the journal did not store the message: " + cause.GetType().Name));
            waiting.ReplyTo?.Tell(new Status.Failure(new LiveConnectionException(error)));
        }
    }

    private void Stored(SessionEvent stored)
    {
        _state.Apply(stored);
        if (LastSequenceNr % SnapshotEvery == 0 && !_ended)
        {
            SaveSnapshot(_state.Snapshot());
        }
    }

    /// <summary>
    /// Asks each subscriber an earlier incarnation stored whether it is still there: a session that moved to another node
    /// (or came back on this one) keeps sending its events to the facades and actors that listened, wherever they are.
    /// </summary>
    private void FindSubscribers()
    {
        foreach (var path in _state.Subscribers.ToList())
        {
            ((ExtendedActorSystem)Context.System).Provider.ResolveActorRef(path).Tell(new Identify(path)); // a gone one answers with no subject
        }
    }

    private void Unsubscribed(IActorRef subscriber)
    {
        if (_state.Unsubscribe(Path(subscriber)))
        {
            Store(new SessionEvent { Kind = SessionEventKind.Unsubscribed, Subscriber = Path(subscriber) });
        }
    }

    private static string Path(IActorRef actor) => Akka.Serialization.Serialization.SerializedActorPath(actor);
}

/// <summary>Asks a <see cref="DurableSession"/> to answer, with <see cref="StateFlushed"/>, once everything told before is stored.</summary>
internal sealed record FlushState
{
    public static readonly FlushState Instance = new();
}

/// <summary>What a <see cref="DurableSession"/> has stored: whether a handle, how many messages not yet done, the last sequence.</summary>
internal sealed record StateFlushed(bool HasHandle, int Held, long LastSequence);
