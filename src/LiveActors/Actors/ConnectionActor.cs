using System.Diagnostics;
using Akka.Actor;
using LiveActors.Auth;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Transport;
using Microsoft.Extensions.Logging;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Actors;

/// <summary>
/// One socket's life: Connecting (open the socket, send setup, await setupComplete, all within the connect budget),
/// Connected (frames flow), Closing (close frame sent, awaiting the peer's within the close timeout), then it reports
/// <see cref="ConnectionEnded"/> to its parent and stops. It never blocks: the socket's loops run on their own tasks
/// and report back as messages.
/// </summary>
/// <remarks>
/// <para>Once setupComplete has come, what the server sends passes from the socket to the session without this
/// actor: the receive loop delivers to the parent directly. Sends still come through here to the socket's queue: the
/// direct way was tried: it cut a turn's thread-pool work items by a fifth, but in five alternating runs it cost the
/// actor API 12-18% of its upstream throughput (likely because this actor no longer takes the socket writes off the
/// session's thread while the session accepts the next sends).</para>
/// <para>
/// States are methods switched with Become, each taking what it needs (as Akka's BackoffOnRestartSupervisor does),
/// rather than Akka's FSM: the states hold different resources (a connect task, then a socket), and a parent-owned
/// queue replaces the stash, so nothing waits in a place that could be lost when the actor stops.</para>
/// </remarks>
internal sealed class ConnectionActor : ReceiveActor, IWithTimers
{
    private const string ConnectTimer = "connect-timeout";
    private const string CloseTimer = "close-timeout";

    private readonly ConnectionPlan _plan;
    private readonly ILogger _logger;
    private readonly List<OutboundMessage> _waiting = [];
    private readonly List<object> _early = [];
    private readonly CancellationTokenSource _connecting = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private Activity? _activity;
    private LiveSocket? _socket;
    private Task<LiveSocket>? _opening;
    private string _stage = "the WebSocket upgrade";
    private bool _closeRequested;
    private bool _ending;

    private ConnectionActor(ConnectionPlan plan, ILogger logger)
    {
        _plan = plan;
        _logger = logger;
        Connecting();
    }

    public ITimerScheduler Timers { get; set; } = null!;

    public static Props Props(ConnectionPlan plan, ILogger logger) => ActorFactory<ConnectionActor>.Props(() => new ConnectionActor(plan, logger));

    protected override void PreStart()
    {
        _activity = LiveTelemetry.Source.StartActivity(LiveTelemetry.ConnectActivity, ActivityKind.Client);
        _activity?.SetTag("server.address", _plan.Settings.Uri.Host);
        _activity?.SetTag("server.port", _plan.Settings.Uri.Port);
        _activity?.SetTag("live.attempt", _plan.Attempt);
        foreach (var tag in _plan.Settings.TelemetryTags)
        {
            _activity?.SetTag(tag.Key, tag.Value);
        }
        Log.Connecting(_logger, _plan.Settings.Display, _plan.Attempt);
        Timers.StartSingleTimer(ConnectTimer, ConnectTimedOut.Instance, _plan.Timeout);
        _opening = OpenAsync(_plan, _connecting.Token);
        _opening.PipeTo(Self, success: socket => new SocketOpened(socket), failure: e => new OpenFailedWith(e));
    }

    protected override void PostStop()
    {
        if (_socket is not null && !_ending)
        {
            _ = _socket.StopAsync(); // stopped from outside (e.g. the system shutting down): release the socket anyway
        }
        else if (_socket is null)
        {
            // A connect that completes after this actor stopped has nobody to hand its socket to: release it.
            _opening?.ContinueWith(static opened => opened.Result.StopAsync(), CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }

        _connecting.Cancel();
        _connecting.Dispose();
        _activity?.Dispose();
    }

    private static async Task<LiveSocket> OpenAsync(ConnectionPlan plan, CancellationToken cancellationToken)
    {
        var headers = await plan.Credentials.GetHeadersAsync(cancellationToken).ConfigureAwait(false);
        return await LiveSocket.OpenAsync(plan.Settings with { Headers = [.. plan.Settings.Headers, .. headers] }, cancellationToken)
            .ConfigureAwait(false);
    }

    private void Connecting()
    {
        Receive<SocketOpened>(opened =>
        {
            if (_closeRequested)
            {
                _socket = opened.Socket;
                End(null);
                return;
            }

            _socket = opened.Socket;
            var self = Self;
            var parent = Context.Parent;
            _socket.Start(new SocketCallbacks(
                message => self.Tell(message),
                message => parent.Tell(message, self),
                sequence => parent.Tell(new Written(sequence))));
            _socket.TrySend(new OutboundMessage(0, _plan.Setup, ActorRefs.Nobody));
            _stage = "setupComplete";
            Become(AwaitingSetupComplete);
        });
        Receive<OpenFailedWith>(failed => End(_closeRequested ? null : failed.Cause switch
        {
            LiveConnectionException e => e.Error,
            OperationCanceledException => new UpgradeTimeout(_plan.Timeout) { Stage = _stage },
            var e => new ConnectionFailed(e.Message) { Cause = e },
        }));
        Receive<ConnectTimedOut>(_ => _connecting.Cancel());
        Receive<OutboundMessage>(_waiting.Add);
        Receive<CloseSocket>(_ =>
        {
            _closeRequested = true;
            _connecting.Cancel();
        });
    }

    private void AwaitingSetupComplete()
    {
        Receive<InboundMessage>(inbound =>
        {
            if (inbound.Message.SetupComplete is not { } setupComplete)
            {
                _early.Add(inbound); // js-genai keeps what came before setupComplete and delivers it after; so do we.
                return;
            }

            Timers.Cancel(ConnectTimer);
            var elapsed = Stopwatch.GetElapsedTime(_started);
            LiveTelemetry.ConnectDuration.Record(elapsed.TotalSeconds);
            _activity?.SetStatus(ActivityStatusCode.Ok);
            _activity?.Dispose();
            _activity = null;
            Log.Connected(_logger, _plan.Settings.Display, elapsed.TotalMilliseconds);
            if (_plan.History is { } history)
            {
                _socket!.TrySend(new OutboundMessage(0, history, ActorRefs.Nobody)); // before realtime input, as Gemini 3.x requires
            }

            Context.Parent.Tell(new SocketReady(setupComplete.SessionId));
            _early.ForEach(Context.Parent.Tell);
            _early.Clear();
            _waiting.ForEach(Write);
            _waiting.Clear();
            _socket!.InboundToSession();
            Become(Connected);
        });
        Receive<InboundMalformed>(_early.Add);
        Receive<ConnectTimedOut>(_ => End(new UpgradeTimeout(_plan.Timeout) { Stage = _stage }));
        Receive<SocketEnded>(ended => End(ended.Error ?? new ConnectionFailed("the socket closed before setupComplete.")));
        Receive<OutboundMessage>(_waiting.Add);
        Receive<CloseSocket>(_ => BeginClose());
    }

    /// <summary>Frames flow: what the server sends now goes from the socket to the session directly.</summary>
    private void Connected()
    {
        Receive<OutboundMessage>(Write);
        Receive<SocketEnded>(ended => End(ended.Error ?? new ConnectionFailed("the socket closed.")));
        Receive<CloseSocket>(_ => BeginClose());
    }

    private void Closing()
    {
        Receive<InboundMessage>(inbound =>
        {
            Context.Parent.Tell(inbound);
            _socket!.InboundToSession(); // closing before setupComplete came: the rest goes to the session too
        });
        Receive<InboundMalformed>(Context.Parent.Tell);
        Receive<OutboundMessage>(message => Context.Parent.Tell(new OutboundRejected(message)));
        // Only the server's answer to our close (the socket reports no error then) says it has everything written; a
        // socket that failed instead, or no answer in time, leaves the last writes uncertain.
        Receive<SocketEnded>(ended => End(ended.Error));
        Receive<CloseTimedOut>(_ => End(new ConnectionFailed($"the server did not answer the close within close-timeout ({_plan.CloseTimeout}).")));
        Receive<CloseSocket>(_ => { });
    }

    private void Ending(ConnectionError? error)
    {
        Receive<SocketStopped>(stopped =>
        {
            Context.Parent.Tell(new ConnectionEnded(error, stopped.LastWritten, stopped.InFlight));
            Context.Stop(Self);
        });
        Receive<Status.Failure>(failure =>
        {
            Context.Parent.Tell(new ConnectionEnded(error ?? new ConnectionFailed(failure.Cause.Message), -1, null));
            Context.Stop(Self);
        });
        ReceiveAny(_ => { }); // the parent's queue still holds anything sent now; it learns what was written from ConnectionEnded.
    }

    private void Write(OutboundMessage message)
    {
        if (!_socket!.TrySend(message))
        {
            Context.Parent.Tell(new OutboundRejected(message));
        }
    }

    private void BeginClose()
    {
        _socket!.BeginClose();
        Timers.StartSingleTimer(CloseTimer, CloseTimedOut.Instance, _plan.CloseTimeout);
        Become(Closing);
    }

    private void End(ConnectionError? error)
    {
        _ending = true;
        Timers.CancelAll();
        if (error is not null && _activity is not null)
        {
            _activity.SetStatus(ActivityStatusCode.Error, error.Code);
            _activity.AddEvent(new ActivityEvent("exception", tags: new ActivityTagsCollection
            {
                ["exception.type"] = error.Code,
                ["exception.message"] = error.Message,
            }));
            Log.ConnectFailed(_logger, error.Code, error.Message);
        }

        Become(() => Ending(error));
        if (_socket is null)
        {
            Self.Tell(new SocketStopped(-1, null));
        }
        else
        {
            _socket.StopAsync().PipeTo(Self);
        }
    }

    private sealed record SocketOpened(LiveSocket Socket);

    private sealed record OpenFailedWith(Exception Cause);

    private sealed record ConnectTimedOut
    {
        public static readonly ConnectTimedOut Instance = new();
    }

    private sealed record CloseTimedOut
    {
        public static readonly CloseTimedOut Instance = new();
    }
}
