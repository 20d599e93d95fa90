using Akka.Actor;
using LiveActors.Facade;
using LiveActors.Protocol;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>A session as non-actor code uses it: awaited sends, one task reading the event stream.</summary>
internal sealed class FacadeSession : IContenderSession
{
    private readonly ILiveConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    public FacadeSession(ILiveConnection connection)
    {
        _connection = connection;
        // Called, not Task.Run: the enumeration registers with the facade before this returns, so it sees Connected.
        _reading = ReadEventsAsync();
    }

    public SessionProgress Progress { get; } = new();

    public Task SendTextAsync(string text) => _connection.SendAsync(RealtimeInput.FromText(text));

    public Task SendAudioAsync(ReadOnlyMemory<byte> pcm) => _connection.SendAsync(RealtimeInput.Pcm(pcm));

    public ValueTask<TurnTally> NextTurnAsync(CancellationToken cancellationToken) => Progress.NextTurnAsync(cancellationToken);

    public ValueTask<TimeSpan> NextResumeAsync(CancellationToken cancellationToken) => Progress.NextResumeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _connection.CloseAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        await _reading.ConfigureAwait(false);
        await _connection.Session.GracefulStop(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task ReadEventsAsync()
    {
        try
        {
            await foreach (var @event in _connection.EventsAsync(_stop.Token).ConfigureAwait(false))
            {
                LiveEventTally.Apply(@event, Progress);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed.
        }
    }
}
