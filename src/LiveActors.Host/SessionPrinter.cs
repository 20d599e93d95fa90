using System.Globalization;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Host;

/// <summary>
/// Prints a session as it happens: the reply as it streams in, transcriptions, and status changes on their own lines.
/// Collects reply audio for <c>--audio-out</c>, answers tool calls (<see cref="HostTools"/>) and lets the conversation
/// wait for turns and reconnects. Once the session gives up, every wait ends at once.
/// </summary>
internal sealed class SessionPrinter(TextWriter output, bool echoDeclared, bool keepAudio, bool transcriptsAsStatus)
{
    private readonly MemoryStream _audio = new();
    private readonly TaskCompletionSource _firstReconnect = NewSignal();
    private readonly Lock _signals = new(); // the conversation swaps a turn in while the events end it: neither may miss the other
    private TaskCompletionSource<TurnOutcome> _turn = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource _nextReconnect = NewSignal();
    private bool _midLine;
    private bool _ended;

    /// <summary>The session gave up: the error, for the exit code and the last line.</summary>
    public GaveUp? Failure { get; private set; }

    /// <summary>The sample rate of the reply audio (24 kHz unless the server says otherwise).</summary>
    public int AudioRate { get; private set; } = 24_000;

    public ReadOnlySpan<byte> Audio => _audio.GetBuffer().AsSpan(0, (int)_audio.Length);

    /// <summary>Prints every event until the session ends or <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(ILiveConnection live, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var @event in live.EventsAsync(cancellationToken).ConfigureAwait(false))
            {
                Print(@event);
                if (@event is ToolCallReceived call)
                {
                    await AnswerAsync(live, call.Call, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            End();
        }
    }

    /// <summary>Call before sending a turn: completes when that turn completes, a drop cuts it off, or the session ends.</summary>
    public Task<TurnOutcome> BeginTurn()
    {
        var turn = new TaskCompletionSource<TurnOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_signals)
        {
            _turn = turn;
            if (_ended)
            {
                turn.TrySetResult(TurnOutcome.SessionEnded);
            }
        }

        return turn.Task;
    }

    /// <summary>Completes once the session has reconnected at least once (or ended).</summary>
    public Task FirstReconnect => _firstReconnect.Task;

    /// <summary>Completes at the reconnect that follows the latest disconnect (or when the session ends).</summary>
    public Task NextReconnect
    {
        get
        {
            lock (_signals)
            {
                return _nextReconnect.Task;
            }
        }
    }

    public void Status(string text)
    {
        EndLine();
        output.WriteLine($"[{text}]");
    }

    private void Print(Live.Event @event)
    {
        switch (@event)
        {
            case Connected connected:
                Status(connected.Resumed ? "connected; session resumed from its stored handle" : "connected");
                break;
            case ModelTurnReceived turn:
                foreach (var part in turn.Turn.Parts ?? [])
                {
                    if (part.Text is { } text && part.Thought != true)
                    {
                        output.Write(text);
                        _midLine = true;
                    }

                    if (keepAudio && part.InlineData is { MimeType: { } mime } blob && mime.StartsWith("audio/pcm", StringComparison.Ordinal))
                    {
                        AudioRate = MimeTypes.PcmSampleRate(mime, AudioRate);
                        _audio.Write(blob.Data.Span);
                    }
                }

                break;
            case TranscriptionReceived { Source: TranscriptionSource.Output, Transcription.Text: { } spoken } when !transcriptsAsStatus:
                // Today's Live models answer in audio only: the transcription of the answer is its text.
                output.Write(spoken);
                _midLine = true;
                break;
            case TranscriptionReceived transcription:
                Status($"{(transcription.Source == TranscriptionSource.Input ? "you" : "model")}: {transcription.Transcription.Text}");
                break;
            case TurnCompleted:
                EndLine(); // an extended-thinking model may speak again before the interaction is over
                break;
            case InteractionCompleted:
                EndLine();
                Turn().TrySetResult(TurnOutcome.Completed);
                break;
            case GoAwayReceived goAway:
                Status($"goAway: the server ends this connection in {goAway.GoAway.TimeLeft?.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) ?? "?"} s; moving the session");
                break;
            case ToolCallReceived call:
                foreach (var function in call.Call.FunctionCalls ?? [])
                {
                    Status($"tool call {function.Name} {function.Args?.GetRawText() ?? "{}"}");
                }

                break;
            case Disconnected disconnected:
                lock (_signals)
                {
                    if (disconnected.WillRetry && _nextReconnect.Task.IsCompleted)
                    {
                        // Only once the last reconnect has been signalled: a retry that fails too brings another
                        // Disconnected before any Reconnected, and a fresh signal then would strand whoever waits on the
                        // one before it, past the give-up that ends only the newest.
                        _nextReconnect = NewSignal();
                    }

                    _turn.TrySetResult(TurnOutcome.CutOff);
                }

                Status($"disconnected: {disconnected.Error}{(disconnected.WillRetry ? $"; retrying in {disconnected.RetryIn?.TotalMilliseconds:0} ms" : "")}");
                break;
            case ReplyCut cut:
                EndLine();
                Status($"the connection cut the reply{(cut.AskedAgain ? "; asking again" : "; the server will not finish it")}");
                break;
            case ResumptionRefused refused:
                Status($"the server refused to resume ({refused.Error.Code}); starting a fresh session");
                break;
            case Reconnected reconnected:
                Status($"reconnected; session {(reconnected.Resumed ? "resumed" : "started afresh")}{(reconnected.ReplayedMessages > 0 ? $", {reconnected.ReplayedMessages} messages replayed" : "")}");
                _firstReconnect.TrySetResult();
                lock (_signals)
                {
                    _nextReconnect.TrySetResult();
                }

                break;
            case SendFailed failed:
                Status($"message {failed.Sequence} may not have arrived: {failed.Error}");
                break;
            case GaveUp gaveUp:
                Failure = gaveUp;
                Status($"gave up: {gaveUp.Error}");
                End();
                break;
            case Live.Closed:
                Status("closed");
                break;
        }
    }

    /// <summary>A model waits for the answer to its call, so every call is answered: see <see cref="HostTools"/>.</summary>
    private async Task AnswerAsync(ILiveConnection live, ToolCall call, CancellationToken cancellationToken)
    {
        var answer = HostTools.Answer(call, echoDeclared);
        try
        {
            await live.SendAsync(answer, cancellationToken).ConfigureAwait(false);
            foreach (var response in answer.FunctionResponses ?? [])
            {
                Status($"answered {response.Name}: {response.Response?.GetRawText()}");
            }
        }
        catch (LiveConnectionException e)
        {
            Status($"could not answer the tool call: {e.Error}");
        }
    }

    /// <summary>The session is over (it gave up, or its events ended): nobody waits forever on it.</summary>
    private void End()
    {
        lock (_signals)
        {
            _ended = true;
            _turn.TrySetResult(TurnOutcome.SessionEnded);
            _nextReconnect.TrySetResult();
        }

        _firstReconnect.TrySetResult();
    }

    private TaskCompletionSource<TurnOutcome> Turn()
    {
        lock (_signals)
        {
            return _turn;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void EndLine()
    {
        if (_midLine)
        {
            output.WriteLine();
            _midLine = false;
        }
    }
}

/// <summary>How a turn ended.</summary>
internal enum TurnOutcome
{
    Completed,
    CutOff,
    SessionEnded,
}
