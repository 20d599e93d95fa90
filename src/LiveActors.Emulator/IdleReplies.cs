namespace LiveActors.Emulator;

/// <summary>
/// Answers to NON_BLOCKING calls with scheduling WHEN_IDLE that came while the model was speaking: each gets its reply
/// after the current output ends (PROTOCOL.md §3.6). The speaking reply takes them in turn as it finishes.
/// </summary>
internal sealed class IdleReplies
{
    private readonly Lock _gate = new();
    private readonly Queue<ToolAnswer> _waiting = new();
    private bool _speaking;

    /// <summary>A reply starts: it takes the waiting answers once it is done.</summary>
    public void Speaking()
    {
        lock (_gate)
        {
            _speaking = true;
        }
    }

    /// <summary>Queues the answer behind the speaking reply; false when no reply is speaking (reply now).</summary>
    public bool TryWait(ToolAnswer answer)
    {
        lock (_gate)
        {
            if (_speaking)
            {
                _waiting.Enqueue(answer);
            }

            return _speaking;
        }
    }

    /// <summary>The reply is done: the next waiting answer, or null when there is none (the model is idle).</summary>
    public ToolAnswer? Next()
    {
        lock (_gate)
        {
            if (_waiting.TryDequeue(out var answer))
            {
                return answer;
            }

            _speaking = false;
            return null;
        }
    }

    /// <summary>The reply was cut: the model is silent, and waiting answers go with the next reply.</summary>
    public void Silenced()
    {
        lock (_gate)
        {
            _speaking = false;
        }
    }
}
