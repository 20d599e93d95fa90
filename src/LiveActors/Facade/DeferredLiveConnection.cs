using System.Runtime.CompilerServices;
using Akka.Actor;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Facade;

/// <summary>
/// An <see cref="ILiveConnection"/> that finds its session on first use, so it can be injected into hosted services that
/// are built before the actor system has started and registered the session.
/// </summary>
internal class DeferredLiveConnection(Func<Task<LiveConnection>> connect) : ILiveConnection
{
    private readonly Lazy<Task<LiveConnection>> _inner = new(connect, LazyThreadSafetyMode.ExecutionAndPublication);

    public IActorRef Session => _inner.Value.GetAwaiter().GetResult().Session;

    public async Task<long> SendAsync(ClientMessage message, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).SendAsync(message, cancellationToken).ConfigureAwait(false);

    public async Task<ServerMessage> ReceiveAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).ReceiveAsync(timeout, cancellationToken).ConfigureAwait(false);

    public async Task<IReadOnlyList<ServerMessage>> ReceiveAllAsync(CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).ReceiveAllAsync(cancellationToken).ConfigureAwait(false);

    public async Task<StatusReport> GetStatusAsync(CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).GetStatusAsync(cancellationToken).ConfigureAwait(false);

    public async Task CloseAsync(CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).CloseAsync(cancellationToken).ConfigureAwait(false);

    public async IAsyncEnumerable<Live.Event> EventsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var inner = await InnerAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var @event in inner.EventsAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return @event;
        }
    }

    public async Task<LiveReply> AskAsync(ClientMessage message, CancellationToken cancellationToken = default) =>
        await (await InnerAsync(cancellationToken).ConfigureAwait(false)).AskAsync(message, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Whether it is of no more use: its session has ended (closed, or gave up), or finding the session failed. Not before
    /// first use.
    /// </summary>
    public bool IsOver => _inner.IsValueCreated && _inner.Value is { IsCompleted: true } inner && (!inner.IsCompletedSuccessfully || inner.Result.IsOver);

    private Task<LiveConnection> InnerAsync(CancellationToken cancellationToken) => _inner.Value.WaitAsync(cancellationToken);
}

/// <summary>The deferred facade of the session registered under <typeparamref name="TKey"/>.</summary>
internal sealed class DeferredLiveConnection<TKey>(Func<Task<LiveConnection>> connect) : DeferredLiveConnection(connect), ILiveConnection<TKey>;
