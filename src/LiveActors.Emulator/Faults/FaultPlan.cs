namespace LiveActors.Emulator.Faults;

/// <summary>
/// One connection's scripted faults, read once: the settings that shape the whole connection (fragments, delays, floods,
/// held updates) and the triggered faults that have yet to fire. A triggered fault fires once.
/// </summary>
internal sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly List<(EmulatorFault Fault, FaultTrigger When)> _triggered = [];
    private int _floodChunks;
    private int _audioFloodChunks;
    private int _turnsBeforeStrayInterrupted;

    public FaultPlan(IReadOnlyList<EmulatorFault> faults)
    {
        foreach (var fault in faults)
        {
            switch (fault)
            {
                case FragmentFault f: FragmentBytes = Math.Max(1, f.FrameBytes); break;
                case DelayFault d: ReplyDelay = d.Wait; break;
                case FloodFault f: _floodChunks = f.Chunks; break;
                case AudioFloodFault f: _audioFloodChunks = f.Chunks; break;
                case DropFault f: _triggered.Add((f, f.When)); break;
                case CloseFault f: _triggered.Add((f, f.When)); break;
                case GoAwayFault f: _triggered.Add((f, f.When)); break;
                case MalformedFrameFault f: _triggered.Add((f, f.When)); break;
                case UnknownKindFault f: _triggered.Add((f, f.When)); break;
                case RawFrameFault f: _triggered.Add((f, f.When)); break;
                case HugeMessageFault f: _triggered.Add((f, f.When)); break;
                case StopReadingFault f: _triggered.Add((f, f.When)); break;
                case HoldResumptionUpdatesFault f: HoldUpdates = f.ClientMessages; break;
                case DelayResumptionUpdatesFault f: UpdateDelay = f.Wait; break;
                case StrayInterruptedFault f: _turnsBeforeStrayInterrupted = Math.Max(1, f.AfterTurn); break;
                case IgnoreSetupFault: IgnoresSetup = true; break;
                case SilenceFault: Silent = true; break;
                case PoisonHandlesFault: PoisonsHandles = true; break;
            }
        }
    }

    /// <summary>The largest frame a server message is split into; 0 when messages go whole.</summary>
    public int FragmentBytes { get; }

    /// <summary>The wait before every message of the scripted model's replies.</summary>
    public TimeSpan ReplyDelay { get; }

    /// <summary>The wait before each resumption update after a turn.</summary>
    public TimeSpan UpdateDelay { get; }

    /// <summary>How many more client messages a resumption update waits for; 0 when updates go at once.</summary>
    public int HoldUpdates { get; }

    /// <summary>Setup is never answered.</summary>
    public bool IgnoresSetup { get; }

    /// <summary>After setupComplete the connection neither speaks nor reads.</summary>
    public bool Silent { get; }

    /// <summary>A connection that resumes with a handle closes 1011 on its first client message after setupComplete.</summary>
    public bool PoisonsHandles { get; }

    /// <summary>Some triggered fault has yet to fire (a cheap check before <see cref="TakeDue"/>).</summary>
    public bool HasTriggered
    {
        get
        {
            lock (_gate)
            {
                return _triggered.Count > 0;
            }
        }
    }

    /// <summary>The text chunks to flood the first turn with; 0 for every later turn.</summary>
    public int TakeFlood() => Interlocked.Exchange(ref _floodChunks, 0);

    /// <summary>The audio chunks to flood the first turn with; 0 for every later turn.</summary>
    public int TakeAudioFlood() => Interlocked.Exchange(ref _audioFloodChunks, 0);

    /// <summary>A reply's turnComplete went out: true when a stray interrupted is to follow it (once).</summary>
    public bool TakeStrayInterrupted() => Volatile.Read(ref _turnsBeforeStrayInterrupted) > 0 && Interlocked.Decrement(ref _turnsBeforeStrayInterrupted) == 0;

    /// <summary>Takes a drop that is due at these counts (as <see cref="TakeDue"/> judges it); false when there is none.</summary>
    public bool TakeDueDrop(int clientMessages, int serverMessages)
    {
        lock (_gate)
        {
            var index = _triggered.FindIndex(t => t.Fault is DropFault && t.When.IsDue(clientMessages, serverMessages));
            if (index < 0)
            {
                return false;
            }

            _triggered.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Takes every triggered fault due at these counts, in the order they were scripted.</summary>
    public IReadOnlyList<EmulatorFault> TakeDue(int clientMessages, int serverMessages) =>
        Take(t => t.IsDue(clientMessages, serverMessages));

    /// <summary>Takes every triggered fault due right after setupComplete, before the first resumption update.</summary>
    public IReadOnlyList<EmulatorFault> TakeAtSetupComplete() => Take(t => t.BeforeFirstHandle);

    private List<EmulatorFault> Take(Func<FaultTrigger, bool> isDue)
    {
        lock (_gate)
        {
            List<EmulatorFault> due = [.. _triggered.Where(t => isDue(t.When)).Select(t => t.Fault)];
            _triggered.RemoveAll(t => due.Contains(t.Fault));
            return due;
        }
    }
}
