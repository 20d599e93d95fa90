using System.Threading.Channels;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Events;
using LiveActors.Messages;
using LiveActors.Protocol;

namespace LiveActors.Facade;

/// <summary>
/// The facade's actor: it subscribes to the session, sends on the callers' behalf (so that a late
/// <see cref="SendFailed"/> has somewhere to go) and hands events to every open enumeration.
/// </summary>
internal sealed class LiveConnectionListener : ReceiveActor
{
    private readonly bool _subscribed;
    private IActorRef _session = ActorRefs.Nobody;
    private readonly Queue<TaskCompletionSource<long>> _sends = new();
    private readonly List<ChannelWriter<LiveEvent>> _listeners = [];

    /// <param name="subscribed">True when the session was created with this actor as its subscriber.</param>
    public LiveConnectionListener(bool subscribed)
    {
        _subscribed = subscribed;
        Receive<Attach>(attach =>
        {
            _session = attach.Session;
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
        Receive<Listen>(listen => _listeners.Add(listen.Writer));
        Receive<StopListening>(stop =>
        {
            _listeners.Remove(stop.Writer);
            stop.Writer.TryComplete();
        });
        Receive<Subscribed>(_ => { });
        Receive<LiveEvent>(@event =>
        {
            foreach (var listener in _listeners)
            {
                listener.TryWrite(@event);
            }

            if (@event is Messages.Closed or GaveUp)
            {
                _listeners.ForEach(listener => listener.TryComplete());
                _listeners.Clear();
            }
        });
        Receive<Terminated>(_ =>
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

    public sealed record Attach(IActorRef Session);

    public sealed record SendRequest(ClientMessage Message, TaskCompletionSource<long> Accepted);

    public sealed record Listen(ChannelWriter<LiveEvent> Writer);

    public sealed record StopListening(ChannelWriter<LiveEvent> Writer);
}
