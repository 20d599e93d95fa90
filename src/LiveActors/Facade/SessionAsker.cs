using Akka.Actor;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Facade;

/// <summary>
/// A facade's asks of its session, and what their answers mean. A session stops itself once it is over, and an ask of
/// a stopped actor would wait out its timeout: the facade's listener watches the session, so its stopping (the
/// <see cref="ListenerLifetime"/>) answers the ask at once with session_closed.
/// </summary>
internal sealed class SessionAsker(IActorRef session, ListenerLifetime lifetime)
{
    /// <summary>What an ask waits beyond the session's own time to answer, for the trip there and back.</summary>
    public static readonly TimeSpan Slack = TimeSpan.FromSeconds(5);

    // The longest an Ask may wait (its timer refuses more than uint.MaxValue - 1 ms). A wait derived from options, such as
    // close-timeout twice over plus slack, can pass it even when each option is within its range.
    private static readonly TimeSpan LongestAsk = TimeSpan.FromMilliseconds(uint.MaxValue - 1.0);

    /// <summary>Asks the session, waiting <paramref name="timeout"/> at most (or the longest an ask may).</summary>
    public async Task<object> AskAsync(object message, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.Stopped);
        try
        {
            return await session.Ask<object>(message, timeout < LongestAsk ? timeout : LongestAsk, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && lifetime.Stopped.IsCancellationRequested)
        {
            return new Status.Failure(new LiveConnectionException(SessionClosed.Instance));
        }
    }

    /// <summary>The answer as a <typeparamref name="T"/>; a failure is thrown as a <see cref="LiveConnectionException"/>.</summary>
    public static T Unwrap<T>(object reply) => reply switch
    {
        T value => value,
        Status.Failure { Cause: LiveConnectionException cause } => throw cause,
        Status.Failure { Cause: { } cause } => throw new LiveConnectionException(new ConnectionFailed(cause.Message) { Cause = cause }),
        _ => throw new InvalidOperationException($"The session answered with {reply.GetType().Name} where {typeof(T).Name} was expected."),
    };
}
