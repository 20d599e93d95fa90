using System.Net.WebSockets;

namespace LiveActors.Emulator;

/// <summary>
/// Runs the scripted model's reply as its own task, one at a time, so that the receive loop goes on reading and new
/// input can cut the reply short, as on the real service.
/// </summary>
internal sealed class ReplyRunner
{
    private readonly CancellationToken _stopping;
    private CancellationTokenSource? _cancellation;
    private Task _reply = Task.CompletedTask;
    private volatile bool _turnCompleted; // the running reply has sent its turnComplete: there is nothing left to interrupt

    public ReplyRunner(CancellationToken stopping) => _stopping = stopping;

    /// <summary>Starts a reply; the one before must have been stopped or have ended.</summary>
    public void Start(Func<CancellationToken, Task> reply)
    {
        _turnCompleted = false;
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        _cancellation = cancellation;
        _reply = Task.Run(async () =>
        {
            try
            {
                await reply(cancellation.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
            {
                // Interrupted, or the connection is gone: the receive loop reports how it ended.
            }
        });
    }

    /// <summary>The running reply has sent its turnComplete; what it still sends (a handle) is not a turn to interrupt.</summary>
    public void TurnCompleted() => _turnCompleted = true;

    /// <summary>Stops the running reply and waits for it; true when it was cut before its turnComplete.</summary>
    public async Task<bool> StopAsync()
    {
        if (_reply.IsCompleted || _cancellation is null)
        {
            return false;
        }

        await _cancellation.CancelAsync().ConfigureAwait(false);
        await _reply.ConfigureAwait(false);
        return !_turnCompleted;
    }

    /// <summary>Stops the running reply as the connection ends, however the reply ends.</summary>
    public async Task EndAsync()
    {
        _cancellation?.Cancel();
        await _reply.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
    }
}
