using Akka.Actor;
using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Facade;

/// <summary>
/// A facade's receives: one is outstanding at a time. A receive whose caller stopped waiting stays outstanding, and
/// the next receive takes its answer first, so no message is lost or reordered. Meant for one consumer at a time.
/// </summary>
internal sealed class OutstandingReceive(SessionAsker asker, LiveConnectionOptions? options)
{
    private Task<object>? _outstanding;

    /// <summary>The next server message, waiting <paramref name="timeout"/> (else the receive-timeout) for one.</summary>
    public async Task<ServerMessage> ReceiveAsync(TimeSpan? timeout, CancellationToken cancellationToken)
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

            return SessionAsker.Unwrap<ServerMessage>(answer);
        }
    }

    /// <summary>Every server message that has arrived, the outstanding receive's first if it has its answer.</summary>
    public async Task<IReadOnlyList<ServerMessage>> ReceiveAllAsync(CancellationToken cancellationToken)
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

        var all = SessionAsker.Unwrap<ReceivedMessages>(
            await asker.AskAsync(ReceiveAll.Instance, SessionAsker.Slack, cancellationToken).ConfigureAwait(false));
        return [.. first, .. all.Messages];
    }

    private Task<object> AskReceive(TimeSpan? timeout)
    {
        var wait = timeout ?? options?.ReceiveTimeout ?? LiveDefaults.ReceiveTimeout;
        return asker.AskAsync(new Live.Receive(wait), wait + SessionAsker.Slack, CancellationToken.None);
    }
}
