using System.Diagnostics;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Supervision.Dispatch;
using LiveActors.Telemetry;
using Microsoft.Extensions.Logging;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Transport;

/// <summary>
/// One socket's life: Connecting (open the socket, send setup, await setupComplete, all within the connect budget),
/// Connected (frames flow), Closing (close frame sent, awaiting the peer's within the close timeout), then it reports
/// <see cref="ConnectionEnded"/> to its parent and stops. It never blocks: the socket's loops run on their own tasks
/// and report back as messages.
/// </summary>
/// <remarks>
/// <para>Once setupComplete has come, messages pass between the socket and the session without this actor: the receive
/// loop delivers to the parent directly, and <see cref="SocketReady"/> gives the parent the socket's writer, so a Send
/// goes from the session's thread onto the socket (<see cref="SocketWriter"/>). This actor keeps the socket's life:
/// the connect, setup, the close and the end.</para>
/// <para>
/// States are receive methods switched with Become (as Akka.IO's connection actors are written: one switch per state,
/// so a session's actor holds no per-instance handler objects, which a ReceiveActor builds for every Receive), rather
/// than Akka's FSM: the states hold different resources (a connect task, then a socket), and a parent-owned
/// queue replaces the stash, so nothing waits in a place that could be lost when the actor stops.</para>
/// </remarks>
internal sealed class ConnectionActor : ActorBase, IWithTimers
{
    private const string ConnectTimer = "connect-timeout";
    private const string CloseTimer = "close-timeout";

    private readonly ConnectionPlan _plan;
    private readonly ILogger _logger;
    private readonly List<object> _early = [];
    private readonly CancellationTokenSource _connecting = new();
    private readonly long _started = Stopwatch.GetTimestamp();
    private Activity? _activity;
    private LiveSocket? _socket;
    private Task<LiveSocket>? _opening;
    private string _stage = "the WebSocket upgrade";
    private bool _closeRequested;
    private bool _ending;
    private ConnectionError? _endedWith;

    private ConnectionActor(ConnectionPlan plan, ILogger logger)
    {
        _plan = plan;
        _logger = logger;
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
        return await LiveSocket.OpenAsync(plan.Settings, headers, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override bool Receive(object message) => Connecting(message);

    private bool Connecting(object message)
    {
        switch (message)
        {
            case SocketOpened opened when _closeRequested:
                _socket = opened.Socket;
                End(null);
                return true;
            case SocketOpened opened:
                Open(opened.Socket);
                return true;
            case OpenFailedWith failed:
                End(_closeRequested ? null : failed.Cause switch
                {
                    LiveConnectionException e => e.Error,
                    OperationCanceledException => new UpgradeTimeout(_plan.Timeout) { Stage = _stage },
                    var e => new ConnectionFailed(e.Message) { Cause = e },
                });
                return true;
            case ConnectTimedOut:
                _connecting.Cancel();
                return true;
            case CloseSocket:
                _closeRequested = true;
                _connecting.Cancel();
                return true;
            default:
                return false;
        }
    }

    private void Open(LiveSocket socket)
    {
        _socket = socket;
        _opening = null; // the connect's task and state machine are done with: an idle session keeps neither
        var self = Self;
        var parent = Context.Parent;
        var batch = new ReceiveBatch(); // the session's handling of what the loop reads runs on the loop when it can
        _socket.Start(new SocketCallbacks(
            message => self.Tell(message),
            message => batch.Tell(parent, message, self),
            sequence => parent.Tell(new Written(sequence)),
            batch.BeforeRead));
        _socket.Writer.Write(new OutboundMessage(0, _plan.Setup, ActorRefs.Nobody));
        _stage = "setupComplete";
        Become(AwaitingSetupComplete);
    }

    private bool AwaitingSetupComplete(object message)
    {
        switch (message)
        {
            case InboundMessage { Message.SetupComplete: { } setupComplete }:
                Ready(setupComplete);
                return true;
            case InboundMessage or InboundMalformed:
                _early.Add(message); // js-genai keeps what came before setupComplete and delivers it after; so do we.
                return true;
            case ConnectTimedOut:
                End(new UpgradeTimeout(_plan.Timeout) { Stage = _stage });
                return true;
            case SocketEnded ended:
                End(ended.Error is ServerClosed closed && ModelNotFound.Describes(closed.CloseCode, closed.Reason)
                    ? new ModelNotFound(_plan.Setup.Model ?? "", closed.Reason)
                    : ended.Error ?? new ConnectionFailed("the socket closed before setupComplete."));
                return true;
            case CloseSocket:
                BeginClose();
                return true;
            default:
                return false;
        }
    }

    private void Ready(SetupComplete setupComplete)
    {
        Timers.Cancel(ConnectTimer);
        var elapsed = Stopwatch.GetElapsedTime(_started);
        LiveTelemetry.ConnectDuration.Record(elapsed.TotalSeconds);
        _activity?.SetStatus(ActivityStatusCode.Ok);
        _activity?.Dispose();
        _activity = null;
        Log.Connected(_logger, _plan.Settings.Display, elapsed.TotalMilliseconds);
        if (_plan.History is { } history)
        {
            _socket!.Writer.Write(new OutboundMessage(0, history, ActorRefs.Nobody)); // before realtime input, as Gemini 3.x requires
        }

        Context.Parent.Tell(new SocketReady(setupComplete.SessionId, _socket!.Writer)); // from now on the session writes
        _early.ForEach(Context.Parent.Tell);
        _early.Clear();
        _socket.InboundToSession();
        Become(Connected);
    }

    /// <summary>Frames flow, both ways between the socket and the session directly.</summary>
    private bool Connected(object message)
    {
        switch (message)
        {
            case SocketEnded ended:
                End(ended.Error ?? new ConnectionFailed("the socket closed."));
                return true;
            case CloseSocket:
                BeginClose();
                return true;
            default:
                return false;
        }
    }

    private bool Closing(object message)
    {
        switch (message)
        {
            case InboundMessage inbound:
                Context.Parent.Tell(inbound);
                _socket!.InboundToSession(); // closing before setupComplete came: the rest goes to the session too
                return true;
            case InboundMalformed malformed:
                Context.Parent.Tell(malformed);
                return true;
            // Only the server's answer to our close (the socket reports no error then) says it has everything written; a
            // socket that failed instead, or no answer in time, leaves the last writes uncertain.
            case SocketEnded ended:
                End(ended.Error);
                return true;
            case CloseTimedOut:
                End(new ConnectionFailed($"the server did not answer the close within close-timeout ({_plan.CloseTimeout})."));
                return true;
            case CloseSocket:
                return true;
            default:
                return false;
        }
    }

    private bool Ending(object message)
    {
        switch (message)
        {
            case SocketStopped stopped:
                Context.Parent.Tell(new ConnectionEnded(_endedWith, stopped.LastWritten, stopped.InFlight));
                Context.Stop(Self);
                return true;
            case Status.Failure failure:
                Context.Parent.Tell(new ConnectionEnded(_endedWith ?? new ConnectionFailed(failure.Cause.Message), -1, null));
                Context.Stop(Self);
                return true;
            default:
                return true; // the parent learns what was written from ConnectionEnded.
        }
    }

    private void BeginClose()
    {
        _socket!.Writer.BeginClose();
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

        _endedWith = error;
        Become(Ending);
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
