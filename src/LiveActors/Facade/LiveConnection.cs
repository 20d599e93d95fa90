using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
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
    private readonly IActorRef _listener;
    private readonly ListenerLifetime _lifetime;
    private readonly LiveConnectionOptions? _options;
    private readonly SessionAsker _asker;
    private readonly OutstandingReceive _receives;

    /// <summary>A facade over <paramref name="session"/>, a running <c>ConnectionSupervisor</c>.</summary>
    /// <param name="system">The actor system the session lives in (the facade adds one small actor to it).</param>
    /// <param name="session">The session.</param>
    public LiveConnection(IActorRefFactory system, IActorRef session)
        : this(system, session, options: null, Listener(system, subscribed: false))
    {
    }

    /// <summary>
    /// A facade over a stand-in for the session (a <see cref="Sessions.SessionProxy"/>) that does not stop when the
    /// session ends: the facade's listener stops by itself once the session has closed or given up.
    /// </summary>
    internal LiveConnection(IActorRefFactory system, IActorRef session, bool stopsWithSession)
        : this(system, session, options: null, Listener(system, subscribed: false), stopsWithSession)
    {
    }

    private LiveConnection(
        IActorRefFactory system, IActorRef session, LiveConnectionOptions? options, (IActorRef Actor, ListenerLifetime Lifetime) listener, bool stopsWithSession = false)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(session);
        Session = session;
        _options = options;
        (_listener, _lifetime) = listener;
        _asker = new SessionAsker(session, _lifetime);
        _receives = new OutstandingReceive(_asker, options);
        _listener.Tell(new LiveConnectionListener.Attach(session, stopsWithSession));
    }

    /// <inheritdoc />
    public IActorRef Session { get; }

    /// <summary>Whether its session has ended and the facade's listener with it.</summary>
    internal bool IsOver => _lifetime.SessionEnded;

    /// <summary>
    /// A facade that finds its session on first use, with <paramref name="connect"/>: for dependency injection, where
    /// facades are made before the actor system has started its sessions (LiveActors.Hosting registers its facades so).
    /// A failure of <paramref name="connect"/> fails every call on the facade.
    /// </summary>
    public static ILiveConnection Deferred(Func<Task<LiveConnection>> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        return new DeferredLiveConnection(connect);
    }

    /// <summary>As <see cref="Deferred(Func{Task{LiveConnection}})"/>, for the session registered under <typeparamref name="TKey"/>.</summary>
    public static ILiveConnection<TKey> Deferred<TKey>(Func<Task<LiveConnection>> connect)
    {
        ArgumentNullException.ThrowIfNull(connect);
        return new DeferredLiveConnection<TKey>(connect);
    }

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
            session = ConnectionSupervisor.Start(system, options, listener.Actor, loggerFactory, name);
        }
        catch
        {
            listener.Actor.Tell(PoisonPill.Instance);
            throw;
        }

        return new LiveConnection(system, session, options, listener);
    }

    /// <inheritdoc />
    public async Task<long> SendAsync(ClientMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var accepted = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        // A send the listener can no longer take (its session is over, now or before it arrives) would never be answered:
        // its stopping answers it, at once when it has stopped already.
        using var stopped = _lifetime.Stopped.UnsafeRegister(
            static state => ((TaskCompletionSource<long>)state!).TrySetException(new LiveConnectionException(SessionClosed.Instance)), accepted);
        _listener.Tell(new LiveConnectionListener.SendRequest(message, accepted));
        return await accepted.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>
    /// One receive is outstanding at a time: a receive whose caller stopped waiting stays outstanding, and the next
    /// ReceiveAsync (or ReceiveAllAsync) takes its answer first, so no message is lost or reordered. Receives are meant
    /// for one consumer at a time.
    /// </remarks>
    public Task<ServerMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        _receives.ReceiveAsync(timeout, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ServerMessage>> ReceiveAllAsync(CancellationToken cancellationToken = default) =>
        _receives.ReceiveAllAsync(cancellationToken);

    /// <inheritdoc />
    /// <remarks>
    /// A session answers at once once it runs, but the first message to a region's session waits for it to start,
    /// recovered from the journal where it was kept: on a loaded machine that passed a fixed few seconds, so the wait is
    /// the connect budget (<c>timeout</c>) plus slack.
    /// </remarks>
    public async Task<StatusReport> GetStatusAsync(CancellationToken cancellationToken = default) =>
        SessionAsker.Unwrap<StatusReport>(
            await _asker.AskAsync(GetStatus.Instance, (_options?.Timeout ?? LiveDefaults.Timeout) + SessionAsker.Slack, cancellationToken).ConfigureAwait(false));

    /// <inheritdoc />
    /// <remarks>Closing a session that is already over (closed, or given up) returns at once.</remarks>
    public async Task CloseAsync(CancellationToken cancellationToken = default)
    {
        var wait = (_options?.CloseTimeout ?? LiveDefaults.CloseTimeout) * 2 + SessionAsker.Slack;
        try
        {
            SessionAsker.Unwrap<Live.Closed>(await _asker.AskAsync(Close.Instance, wait, cancellationToken).ConfigureAwait(false));
            _lifetime.EndSession();
        }
        catch (LiveConnectionException e) when (e.Error is SessionClosed)
        {
            _lifetime.EndSession();
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<Live.Event> EventsAsync(CancellationToken cancellationToken = default) =>
        Events(listening: null, cancellationToken);

    /// <inheritdoc />
    public async Task<LiveReply> AskAsync(ClientMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var listening = Listen(claimEarly: false); // before the send: the listener takes the two in this order
        var events = Events(listening, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            long sequence;
            try
            {
                sequence = await SendAsync(message, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _listener.Tell(new LiveConnectionListener.StopListening(listening.Writer));
                throw;
            }

            var reply = new ReplyCollector(sequence, answersCall: message is ToolResponse && ReplyEvidence.MayCauseReply(message, automaticActivityDetection: true));
            while (await events.MoveNextAsync().ConfigureAwait(false))
            {
                if (reply.Take(events.Current) is { } whole)
                {
                    return whole;
                }
            }

            return reply.SessionEnded();
        }
        finally
        {
            await events.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Starts a listening: with <paramref name="claimEarly"/>, the first one also gets the events kept from before it.</summary>
    private Channel<Live.Event> Listen(bool claimEarly)
    {
        var channel = Channel.CreateUnbounded<Live.Event>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        _listener.Tell(new LiveConnectionListener.Listen(channel.Writer, claimEarly));
        return channel;
    }

    /// <summary>The events of <paramref name="listening"/>, or of a listening that claims the early events started on the first read.</summary>
    private async IAsyncEnumerable<Live.Event> Events(Channel<Live.Event>? listening, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var claimEarly = listening is null;
        var channel = listening ?? Listen(claimEarly: true);
        // A listener that stopped (its session is over) never takes the Listen: the enumeration gets what the listener kept
        // for a first enumeration, if no other took it, and ends instead of hanging.
        using var ended = _lifetime.Stopped.UnsafeRegister(static state =>
        {
            var (lifetime, writer, claim) = ((ListenerLifetime, ChannelWriter<Live.Event>, bool))state!;
            foreach (var early in claim ? lifetime.ClaimUnclaimed() : [])
            {
                writer.TryWrite(early);
            }

            writer.TryComplete();
        }, (_lifetime, channel.Writer, claimEarly));
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

    private static (IActorRef Actor, ListenerLifetime Lifetime) Listener(IActorRefFactory system, bool subscribed)
    {
        ArgumentNullException.ThrowIfNull(system);
        var lifetime = new ListenerLifetime();
        return (system.ActorOf(Supervision.Dispatch.SessionDispatcher.On(system, lifetime.ListenerProps(subscribed))), lifetime); // part of the session: its small mailbox
    }
}
