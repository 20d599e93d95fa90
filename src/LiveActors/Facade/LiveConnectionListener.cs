using System.Threading.Channels;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Facade;

/// <summary>
/// The facade's actor: it subscribes to the session, sends on the callers' behalf (so that a late
/// <see cref="SendFailed"/> has somewhere to go) and hands events to every open enumeration. Events that come before
/// the first enumeration starts (Connected, or the start of a reply to a send made before enumerating) are kept, up
/// to <see cref="EarlyEventLimit"/>, and given to that first enumeration; later enumerations see events from their start.
/// </summary>
internal sealed class LiveConnectionListener : ReceiveActor
{
    /// <summary>The most events kept for a first enumeration that has not started yet; later ones are not kept.</summary>
    public const int EarlyEventLimit = 64;

    private readonly bool _subscribed;
    private readonly ListenerLifetime _lifetime;
    private IActorRef _session = ActorRefs.Nobody;
    private readonly Queue<TaskCompletionSource<long>> _sends = new();
    private readonly List<ChannelWriter<Live.Event>> _listeners = [];
    private Queue<Live.Event>? _early = new();
    private bool _ended;
    private bool _stopsWithSession;

    /// <param name="subscribed">True when the session was created with this actor as its subscriber.</param>
    /// <param name="lifetime">Told when this actor stops, so an enumeration that starts later gets what it kept and ends at once.</param>
    public LiveConnectionListener(bool subscribed, ListenerLifetime lifetime)
    {
        _subscribed = subscribed;
        _lifetime = lifetime;
        Receive<Attach>(attach =>
        {
            _session = attach.Session;
            _stopsWithSession = attach.StopsWithSession;
            Context.Watch(_session);
            if (!_subscribed)
            {
                _session.Tell(new Subscribe(Self));
            }
        });
        Receive<SendRequest>(request =>
        {
            _sends.Enqueue(request.Accepted);
            _session.Tell(new Send(request.Message));
        });
        Receive<SendAccepted>(accepted => _sends.Dequeue().TrySetResult(accepted.Sequence));
        Receive<Status.Failure>(failure => _sends.Dequeue().TrySetException(failure.Cause));
        Receive<Listen>(listen =>
        {
            if (_early is not null && listen.ClaimsEarly)
            {
                foreach (var early in _early)
                {
                    listen.Writer.TryWrite(early);
                }

                _early = null; // only the first enumeration gets them: later ones see events "from now on"
            }

            if (_ended)
            {
                listen.Writer.TryComplete(); // the session is over: nothing more will come
                return;
            }

            _listeners.Add(listen.Writer);
        });
        Receive<StopListening>(stop =>
        {
            _listeners.Remove(stop.Writer);
            stop.Writer.TryComplete();
        });
        Receive<Subscribed>(_ => { });
        Receive<Live.Event>(@event =>
        {
            if (_early is { Count: < EarlyEventLimit })
            {
                _early.Enqueue(@event);
            }

            foreach (var listener in _listeners)
            {
                listener.TryWrite(@event);
            }

            if (@event is Live.Closed or GaveUp)
            {
                _ended = true;
                _lifetime.EndSession();
                _listeners.ForEach(listener => listener.TryComplete());
                _listeners.Clear();
                if (_stopsWithSession)
                {
                    Self.Tell(SessionGone.Instance); // its stand-in outlives the session: the end event is the end
                }
            }
        });
        // Terminated comes as a system message, ahead of the session's last events still in the mailbox (GaveUp, Closed):
        // the end is taken only after them, through the mailbox.
        Receive<Terminated>(_ => Self.Tell(SessionGone.Instance));
        Receive<SessionGone>(_ =>
        {
            _listeners.ForEach(listener => listener.TryComplete());
            _listeners.Clear();
            while (_sends.TryDequeue(out var send))
            {
                send.TrySetException(new LiveConnectionException(SessionClosed.Instance));
            }

            Context.Stop(Self); // its session is gone: nothing more will come, so it must not outlive it
        });
    }

    protected override void PostStop() => _lifetime.End(_early);

    /// <summary>Attaches the listener to its session; <paramref name="StopsWithSession"/>: it stops at the session's end event.</summary>
    public sealed record Attach(IActorRef Session, bool StopsWithSession = false);

    public sealed record SessionGone
    {
        public static readonly SessionGone Instance = new();
    }

    public sealed record SendRequest(ClientMessage Message, TaskCompletionSource<long> Accepted);

    /// <summary>Starts a listening; <paramref name="ClaimsEarly"/>: the first that does gets the events kept from before it.</summary>
    public sealed record Listen(ChannelWriter<Live.Event> Writer, bool ClaimsEarly = true);

    public sealed record StopListening(ChannelWriter<Live.Event> Writer);
}
