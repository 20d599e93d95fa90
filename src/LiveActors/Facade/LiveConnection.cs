using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using LiveActors.Actors;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.Logging;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Facade;

/// <summary>
/// The <see cref="ILiveConnection"/> over a session actor. <see cref="Start"/> creates a session and sees every event
/// from its first; the constructor wraps a session that already runs (one registered with Akka.Hosting, say).
/// </summary>
public sealed class LiveConnection : ILiveConnection
{
    private static readonly TimeSpan AskSlack = TimeSpan.FromSeconds(5);

    private readonly IActorRef _listener;
    private readonly CancellationToken _listenerStopped;
    private readonly LiveConnectionOptions? _options;
    private Task<object>? _outstanding;

    /// <summary>A facade over <paramref name="session"/>, a running <c>ConnectionSupervisor</c>.</summary>
    /// <param name="system">The actor system the session lives in (the facade adds one small actor to it).</param>
    /// <param name="session">The session.</param>
    public LiveConnection(IActorRefFactory system, IActorRef session)
        : this(system, session, options: null, Listener(system, subscribed: false))
    {
    }

    private LiveConnection(IActorRefFactory system, IActorRef session, LiveConnectionOptions? options, (IActorRef Actor, CancellationToken Stopped) listener)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        _options = options;
        (_listener, _listenerStopped) = listener;
        _listener.Tell(new LiveConnectionListener.Attach(session));
    }

    /// <inheritdoc />
    public IActorRef Session { get; }

    /// <summary>Starts a session with <paramref name="options"/> and returns its facade, which sees every event from the first.</summary>
    /// <exception cref="LiveConnectionException">Invalid options or missing credentials.</exception>
    public static LiveConnection Start(IActorRefFactory system, LiveConnectionOptions options, ILoggerFactory? loggerFactory = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(options);
        var listener = Listener(system, subscribed: true);
        IActorRef session;
        try
        {
            var props = ConnectionSupervisor.Props(options, listener.Actor, loggerFactory);
            session = name is null ? system.ActorOf(props) : system.ActorOf(props, name);
        }
        catch
        {
            listener.Actor.Tell(PoisonPill.Instance);
            throw;
        }

        return new LiveConnection(system, session, options, listener);
    }

    /// <inheritdoc />
    public Task<long> SendAsync(ClientMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var accepted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        _listener.Tell(new LiveConnectionListener.SendRequest(message, accepted));
        return accepted.Task.WaitAsync(cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One receive is outstanding at a time: a receive whose caller stopped waiting stays outstanding, and the next
    /// ReceiveAsync (or ReceiveAllAsync) takes its answer first, so no message is lost or reordered. Receives are meant
    /// for one consumer at a time.
    /// </remarks>
    public async Task<ServerMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var reply = Interlocked.Exchange(ref _outstanding, null);
            var inherited = reply is not null;
            reply ??= AskReceive(timeout);
            object answer;
            try
            {
                answer = await reply.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                _ = Interlocked.CompareExchange(ref _outstanding, reply, null); // its answer goes to the next receive
                throw;
            }
            catch (AskTimeoutException) when (inherited)
            {
                continue;
            }

            if (inherited && answer is not ServerMessage)
            {
                continue; // an earlier call's receive timed out: ask again, with this call's timeout
            }

            return Unwrap<ServerMessage>(answer);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ServerMessage>> ReceiveAllAsync(CancellationToken cancellationToken = default)
    {
        var first = new List<ServerMessage>();
        if (Interlocked.Exchange(ref _outstanding, null) is { } outstanding)
        {
            if (!outstanding.IsCompleted)
            {
                _ = Interlocked.CompareExchange(ref _outstanding, outstanding, null); // nothing arrived yet: it stays outstanding
            }
            else if (outstanding.IsCompletedSuccessfully && outstanding.Result is ServerMessage message)
            {
                first.Add(message);
            }
        }

        var all = Unwrap<ReceivedMessages>(await Session.Ask<object>(ReceiveAll.Instance, AskSlack, cancellationToken).ConfigureAwait(false));
        return [.. first, .. all.Messages];
    }

    private Task<object> AskReceive(TimeSpan? timeout)
    {
        var wait = timeout ?? _options?.ReceiveTimeout ?? LiveDefaults.ReceiveTimeout;
        return Session.Ask<object>(new Live.Receive(wait), wait + AskSlack);
    }

    /// <inheritdoc />
    public async Task<StatusReport> GetStatusAsync(CancellationToken cancellationToken = default) =>
        Unwrap<StatusReport>(await Session.Ask<object>(GetStatus.Instance, AskSlack, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        var wait = (_options?.CloseTimeout ?? LiveDefaults.CloseTimeout) * 2 + AskSlack;
        Unwrap<Live.Closed>(await Session.Ask<object>(Close.Instance, wait, cancellationToken).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<Live.Event> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateUnbounded<Live.Event>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _listener.Tell(new LiveConnectionListener.Listen(channel.Writer));
        // A listener that stopped (its session is over) never takes the Listen: the enumeration must end, not hang.
        using var ended = _listenerStopped.UnsafeRegister(static writer => ((ChannelWriter<Live.Event>)writer!).TryComplete(), channel.Writer);
        try
        {
            await foreach (var @event in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                yield return @event;
            }
        }
        finally
        {
            _listener.Tell(new LiveConnectionListener.StopListening(channel.Writer));
        }
    }

    private static (IActorRef Actor, CancellationToken Stopped) Listener(IActorRefFactory system, bool subscribed)
    {
        ArgumentNullException.ThrowIfNull(system);
        var stopped = new CancellationTokenSource(); // cancelled once, when the listener stops; never disposed, like the actor's other state
        return (system.ActorOf(ActorFactory<LiveConnectionListener>.Props(() => new LiveConnectionListener(subscribed, stopped))), stopped.Token);
    }

    private static T Unwrap<T>(object reply) => reply switch
    {
        T value => value,
        Status.Failure { Cause: LiveConnectionException cause } => throw cause,
        Status.Failure { Cause: { } cause } => throw new LiveConnectionException(new ConnectionFailed(cause.Message) { Cause = cause }),
        _ => throw new InvalidOperationException($"The session answered with {reply.GetType().Name} where {typeof(T).Name} was expected."),
    };
}
