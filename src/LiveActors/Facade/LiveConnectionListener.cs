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
internal sealed class LiveConnectionListener : ActorBase
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
    }

    /// <inheritdoc />
    /// <remarks>One switch rather than a <c>ReceiveActor</c>'s handlers, which every instance would build for itself.</remarks>
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case Attach attach:
                _session = attach.Session;
                _stopsWithSession = attach.StopsWithSession;
                Context.Watch(_session);
                if (!_subscribed)
                {
                    _session.Tell(new Subscribe(Self));
                }

                return true;
            case SendRequest request:
                _sends.Enqueue(request.Accepted);
                _session.Tell(new Send(request.Message));
                return true;
            case SendAccepted accepted:
                _sends.Dequeue().TrySetResult(accepted.Sequence);
                return true;
            case Status.Failure failure:
                _sends.Dequeue().TrySetException(failure.Cause);
                return true;
            case Listen listen:
                StartListening(listen);
                return true;
            case StopListening stop:
                _listeners.Remove(stop.Writer);
                stop.Writer.TryComplete();
                return true;
            case Subscribed:
                return true;
            case Live.Event @event:
                Publish(@event);
                return true;
            case Terminated:
                // Terminated comes as a system message, ahead of the session's last events still in the mailbox
                // (GaveUp, Closed): the end is taken only after them, through the mailbox.
                Self.Tell(SessionGone.Instance);
                return true;
            case SessionGone:
                _listeners.ForEach(listener => listener.TryComplete());
                _listeners.Clear();
                while (_sends.TryDequeue(out var send))
                {
                    send.TrySetException(new LiveConnectionException(SessionClosed.Instance));
                }

                Context.Stop(Self); // its session is gone: nothing more will come, so it must not outlive it
                return true;
            default:
                return false;
        }
    }

    private void StartListening(Listen listen)
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
    }

    private void Publish(Live.Event @event)
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
