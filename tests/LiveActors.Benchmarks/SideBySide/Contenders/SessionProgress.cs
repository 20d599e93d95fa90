using System.Diagnostics;
using System.Threading.Channels;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// What every contender's session reports the same way: readiness, turns as they finish, resumes after drops, and the
/// first failure. Written from one thread at a time (the receive loop, or the one actor), read by the scenario.
/// </summary>
internal sealed class SessionProgress
{
    private readonly Channel<TurnTally> _turns = Channel.CreateUnbounded<TurnTally>(new() { SingleReader = true, SingleWriter = true });
    private readonly Channel<TimeSpan> _resumes = Channel.CreateUnbounded<TimeSpan>(new() { SingleReader = true });
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _chunks;
    private long _audioBytes;
    private long _droppedAt;

    public Task Ready => _ready.Task;

    public void SetupComplete() => _ready.TrySetResult();

    public void Chunk(long audioBytes)
    {
        _chunks++;
        _audioBytes += audioBytes;
    }

    public void TurnComplete()
    {
        _turns.Writer.TryWrite(new TurnTally(_chunks, _audioBytes));
        _chunks = 0;
        _audioBytes = 0;
    }

    public void Dropped() => Volatile.Write(ref _droppedAt, Stopwatch.GetTimestamp());

    public void Resumed() => _resumes.Writer.TryWrite(Stopwatch.GetElapsedTime(Volatile.Read(ref _droppedAt)));

    public void Failed(Exception error)
    {
        _ready.TrySetException(error);
        _turns.Writer.TryComplete(error);
        _resumes.Writer.TryComplete(error);
    }

    public ValueTask<TurnTally> NextTurnAsync(CancellationToken cancellationToken) => _turns.Reader.ReadAsync(cancellationToken);

    public ValueTask<TimeSpan> NextResumeAsync(CancellationToken cancellationToken) => _resumes.Reader.ReadAsync(cancellationToken);
}
