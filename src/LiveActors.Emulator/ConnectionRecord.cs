namespace LiveActors.Emulator;

/// <summary>
/// Everything one connection did, recorded as it happens: tests await it (<see cref="WaitForMessagesAsync"/>,
/// <see cref="Ended"/>) instead of sleeping. Headers carry no secrets: credentials are redacted before they are kept.
/// </summary>
public sealed class ConnectionRecord
{
    private readonly object _gate = new();
    private readonly List<RecordedMessage> _messages = [];
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private readonly TaskCompletionSource<ConnectionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<ToolResponseRecord> _toolResponses = [];
    private int _serverMessages;

    internal ConnectionRecord(int number, string path, IReadOnlyDictionary<string, string> headers, string httpProtocol)
    {
        Number = number;
        Path = path;
        Headers = headers;
        HttpProtocol = httpProtocol;
    }

    /// <summary>1 for the emulator's first connection, and so on.</summary>
    public int Number { get; }

    /// <summary>The request path, without the query string.</summary>
    public string Path { get; }

    /// <summary>The upgrade request's headers, with credentials shown as <c>(redacted)</c>.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary><c>HTTP/1.1</c> or <c>HTTP/2</c>.</summary>
    public string HttpProtocol { get; }

    /// <summary>The client messages received so far, in order (setup first, with index -1).</summary>
    public IReadOnlyList<RecordedMessage> Messages
    {
        get
        {
            lock (_gate)
            {
                return [.. _messages];
            }
        }
    }

    /// <summary>Server messages sent on this connection so far (setupComplete included).</summary>
    public int ServerMessagesSent => Volatile.Read(ref _serverMessages);

    /// <summary>
    /// Drops the connection now, with no close frame, as a network failure would: for a test or a demo that picks the
    /// moment itself (between two turns, say) rather than a count of messages. Does nothing once it has ended.
    /// </summary>
    public void Drop()
    {
        if (!_ended.Task.IsCompleted)
        {
            Dropper?.Invoke();
        }
    }

    /// <summary>How the connection serving this record drops itself; set once it is accepted.</summary>
    internal Action? Dropper { get; set; }

    /// <summary>Completes with how the connection ended.</summary>
    public Task<ConnectionEnd> Ended => _ended.Task;

    /// <summary>Completes once at least <paramref name="count"/> client messages (setup included) have arrived.</summary>
    public async Task<IReadOnlyList<RecordedMessage>> WaitForMessagesAsync(int count, CancellationToken cancellationToken = default)
    {
        Task wait;
        lock (_gate)
        {
            if (_messages.Count >= count)
            {
                return [.. _messages];
            }

            var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
            wait = signal.Task;
        }

        await wait.WaitAsync(cancellationToken).ConfigureAwait(false);
        return Messages;
    }

    /// <summary>
    /// The conversation's client messages as this connection's session holds them now: on a resumed connection, those the
    /// handle captured followed by what arrived here. Every message the application meant for the session should be in
    /// it exactly once, in order; anything lost, or sent twice, shows.
    /// </summary>
    public IReadOnlyList<RecordedMessage> SessionMessages => Session?.Log ?? [];

    /// <summary>The conversation's system instruction now (from setup, then every contextUpdate in order).</summary>
    public string? SessionInstruction => Session?.Instruction;

    /// <summary>The names of the functions the conversation's model may call now (from setup, then every contextUpdate).</summary>
    public IReadOnlyList<string> SessionTools => Session?.Tools ?? [];

    /// <summary>How the model named in setup shapes its replies here (Gemini 2.x until setup has come).</summary>
    public EmulatedFamily Family { get; internal set; }

    /// <summary>
    /// The served model whose rules the connection follows (its name prefix in the model table, e.g.
    /// <c>gemini-3.8-live</c>); null until setup has come, and for a name served with the legacy rules.
    /// </summary>
    public string? ServedAs { get; internal set; }

    /// <summary>
    /// Every function response received, in order, with what the model did with it: answered a BLOCKING call, scheduled
    /// a NON_BLOCKING one's reply (or not, for SILENT), or took it for a call it had cancelled silently.
    /// </summary>
    public IReadOnlyList<ToolResponseRecord> ToolResponses
    {
        get
        {
            lock (_gate)
            {
                return [.. _toolResponses];
            }
        }
    }

    /// <summary>
    /// Why the emulated model closed the connection with 1007 under its rules (mediaChunks, a null handle, and under the
    /// early-2026 3.1 rule a mid-session clientContent or realtime input before the history); null when it never did.
    /// </summary>
    public string? Violation { get; internal set; }

    /// <summary>The session state this connection serves (set at setup).</summary>
    internal SessionState? Session { get; set; }

    internal void Add(RecordedMessage message)
    {
        List<TaskCompletionSource> due;
        lock (_gate)
        {
            _messages.Add(message);
            due = [.. _waiters.Where(w => w.Count <= _messages.Count).Select(w => w.Signal)];
            _waiters.RemoveAll(w => w.Count <= _messages.Count);
        }

        due.ForEach(signal => signal.TrySetResult());
    }

    internal void AddToolResponse(ToolResponseRecord response)
    {
        lock (_gate)
        {
            _toolResponses.Add(response);
        }
    }

    internal void CountServerMessage() => Interlocked.Increment(ref _serverMessages);

    internal void End(ConnectionEnd end)
    {
        if (_ended.TrySetResult(end))
        {
            lock (_gate)
            {
                foreach (var (_, signal) in _waiters)
                {
                    signal.TrySetException(new InvalidOperationException($"Connection {Number} ended ({end.Kind}) before the awaited messages arrived."));
                }

                _waiters.Clear();
            }
        }
    }
}
