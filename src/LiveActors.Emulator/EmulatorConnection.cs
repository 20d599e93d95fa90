using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;
using Microsoft.AspNetCore.Http;

namespace LiveActors.Emulator;

/// <summary>
/// One emulated Live API connection: the setup handshake, the scripted model, resumption, and this connection's faults.
/// The receive loop runs here; a reply runs as its own task so that new input can interrupt it, as on the real service.
/// </summary>
internal sealed class EmulatorConnection
{
    private const string InvalidArgument = "Request contains an invalid argument.";
    private const int AudioChunkBytes = 9_600; // 200 ms of 24 kHz 16-bit mono PCM
    private static readonly byte[] Silence = new byte[AudioChunkBytes];

    private readonly WebSocket _socket;
    private readonly HttpContext _http;
    private readonly ConnectionRecord _record;
    private readonly Backend _backend;
    private readonly LiveEmulator _emulator;
    private readonly CancellationToken _stopping;
    private readonly string? _ephemeralToken;
    private readonly List<(EmulatorFault Fault, FaultTrigger When)> _triggered = [];
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly Dictionary<string, TaskCompletionSource<string>> _pendingCalls = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly int _fragmentBytes;
    private readonly TimeSpan _delay;
    private readonly TimeSpan _updateDelay;
    private readonly Queue<HeldFrame> _held = new(); // guarded by _sendLock
    private readonly int _holdUpdates;
    private int _floodChunks;
    private int _audioFloodChunks;
    private int _clientMessages;
    private int _serverMessagesAfterSetup;
    private long _audioBytes;
    private bool _stopReading;
    private SessionState _session = new();
    private bool _resumption;
    private bool _transparent;
    private EmulatedFamily _family;
    private bool _historyOpen; // Gemini 3.x with historyConfig: the history seed is awaited, realtime input is refused

    private CancellationTokenSource? _replyCancellation;
    private Task _reply = Task.CompletedTask;
    private volatile bool _turnCompleted; // the running reply has sent its turnComplete: there is nothing left to interrupt

    public EmulatorConnection(WebSocket socket, HttpContext http, ConnectionRecord record, Backend backend,
        IReadOnlyList<EmulatorFault> faults, LiveEmulator emulator, string? ephemeralToken, CancellationToken stopping)
    {
        _ephemeralToken = ephemeralToken;
        _socket = socket;
        _http = http;
        _record = record;
        _record.Session = _session;
        _record.Dropper = Drop;
        _backend = backend;
        _emulator = emulator;
        _stopping = stopping;
        foreach (var fault in faults)
        {
            switch (fault)
            {
                case FragmentFault f: _fragmentBytes = Math.Max(1, f.FrameBytes); break;
                case DelayFault d: _delay = d.Wait; break;
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
                case HoldResumptionUpdatesFault f: _holdUpdates = f.ClientMessages; break;
                case DelayResumptionUpdatesFault f: _updateDelay = f.Wait; break;
            }
        }

        Faults = faults;
    }

    private IReadOnlyList<EmulatorFault> Faults { get; }

    private bool IsVertex => _backend == Backend.VertexAi;

    private bool IsGemini3 => _family != EmulatedFamily.Gemini2;

    private bool ReportsInteraction => _family == EmulatedFamily.ExtendedThinking;

    public async Task RunAsync()
    {
        try
        {
            if (!await HandshakeAsync().ConfigureAwait(false))
            {
                return;
            }

            while (!_stopReading && await ReceiveAsync().ConfigureAwait(false) is { } message)
            {
                using (message)
                {
                    await HandleAsync(message.RootElement).ConfigureAwait(false);
                }

                await SendHeldFramesAsync().ConfigureAwait(false);

                await FireDueFaultsAsync().ConfigureAwait(false);
            }

            if (_stopReading)
            {
                await WaitUntilGoneAsync().ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            _record.End(new ConnectionEnd(ConnectionEndKind.EmulatorStopped));
        }
        catch (Exception e) when (e is WebSocketException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _record.End(new ConnectionEnd(ConnectionEndKind.ClientAborted, Reason: e.Message));
        }
        finally
        {
            _replyCancellation?.Cancel();
            await _reply.ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            _record.End(new ConnectionEnd(ConnectionEndKind.EmulatorStopped));
        }
    }

    private async Task<bool> HandshakeAsync()
    {
        using var first = await ReceiveAsync().ConfigureAwait(false);
        if (first is null)
        {
            return false;
        }

        var root = first.RootElement;
        var kind = KindOf(root);
        _record.Add(new RecordedMessage(-1, kind ?? "(unknown)", root.GetRawText()));
        _emulator.Stats.Received();
        if (kind != "setup" || !root.GetProperty(Member(root, "setup")!).TryGetField("model", out var model)
            || model.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(model.GetString()))
        {
            await CloseAsync(1007, InvalidArgument).ConfigureAwait(false);
            return false;
        }

        var setup = root.GetProperty(Member(root, "setup")!);
        if (ModelProblem(model.GetString()!) is { } problem)
        {
            await CloseAsync(1008, problem).ConfigureAwait(false);
            return false;
        }

        _family = EmulatedFamilies.Name(model.GetString()!);
        _record.Family = _family;
        var resumed = false;
        if (setup.TryGetField("sessionResumption", out var resumption) && resumption.ValueKind == JsonValueKind.Object)
        {
            if (IsGemini3 && resumption.TryGetField("handle", out var nullHandle) && nullHandle.ValueKind == JsonValueKind.Null)
            {
                await RefuseAsync("\"handle\": null (omit the member instead)").ConfigureAwait(false);
                return false;
            }

            _resumption = true;
            _transparent = resumption.TryGetField("transparent", out var t) && t.ValueKind == JsonValueKind.True;
            if (_transparent && !IsVertex)
            {
                await CloseAsync(1007, InvalidArgument).ConfigureAwait(false);
                return false;
            }

            if (resumption.TryGetField("handle", out var handle) && handle.ValueKind == JsonValueKind.String)
            {
                if (_emulator.Sessions.Resume(handle.GetString()!) is not { } session)
                {
                    await CloseAsync(1008, "BidiGenerateContent session not found").ConfigureAwait(false);
                    return false;
                }

                _session = session;
                _record.Session = session;
                resumed = true;
            }
        }

        ApplyContext(setup, setup); // its systemInstruction and tools, for a fresh or a resumed conversation alike
        _historyOpen = IsGemini3 && !resumed && setup.TryGetField("historyConfig", out var history) && history.ValueKind == JsonValueKind.Object
            && history.TryGetField("initialHistoryInClientContent", out var inClientContent) && inClientContent.ValueKind == JsonValueKind.True;

        // Resuming does not spend a use of an ephemeral token; a new session does.
        if (_ephemeralToken is not null && !resumed && _emulator.Tokens.StartSession(_ephemeralToken) is { } refused)
        {
            await CloseAsync(1008, refused).ConfigureAwait(false);
            return false;
        }

        if (Faults.OfType<IgnoreSetupFault>().Any())
        {
            while (await ReceiveAsync().ConfigureAwait(false) is { } ignored)
            {
                ignored.Dispose();
            }

            return false;
        }

        await SendAsync(ServerFrames.SetupComplete(IsVertex ? _session.Id : null), countsAfterSetup: false).ConfigureAwait(false);
        if (_resumption)
        {
            await SendResumptionUpdateAsync(mayHold: false, CancellationToken.None).ConfigureAwait(false); // transparent: index 0, the setup
        }

        if (Faults.OfType<SilenceFault>().Any())
        {
            await WaitUntilGoneAsync().ConfigureAwait(false);
            return false;
        }

        await FireDueFaultsAsync().ConfigureAwait(false);
        return true;
    }

    private string? ModelProblem(string model) => IsVertex
        ? System.Text.RegularExpressions.Regex.IsMatch(model, "^projects/[^/]+/locations/[^/]+/publishers/google/models/[^/]+$")
            ? null
            : $"Publisher Model `{model}` was not found or your project does not have access to it."
        : model.StartsWith("models/", StringComparison.Ordinal)
            ? null
            : $"{model} is not found for API version v1beta, or is not supported for bidiGenerateContent.";

    private async Task HandleAsync(JsonElement root)
    {
        var kind = KindOf(root);
        var index = _clientMessages;
        var recorded = new RecordedMessage(index, kind ?? "(unknown)", root.GetRawText());
        _record.Add(recorded);
        if (kind is not (null or "setup"))
        {
            _session.Append(recorded);
        }

        _emulator.Stats.Received();
        Interlocked.Increment(ref _clientMessages);
        if (TakeDueDrop())
        {
            // The network fails as this message arrives: the server has it, but nothing it would send about it (a reply,
            // a resumption update covering it) can reach the client. Acting on it first would race its reply with the drop.
            Drop();
            return;
        }

        if (kind is null or "setup")
        {
            await CloseAsync(1007, InvalidArgument).ConfigureAwait(false);
            return;
        }

        var body = root.GetProperty(Member(root, kind)!);
        if (IsGemini3 && FamilyViolation(kind, body) is { } violation)
        {
            await RefuseAsync(violation).ConfigureAwait(false);
            return;
        }

        switch (kind)
        {
            case "clientContent" when IsGemini3:
                // The initial history: it starts no reply; its turnComplete opens the realtime conversation.
                _historyOpen = !(body.TryGetField("turnComplete", out var seeded) && seeded.ValueKind == JsonValueKind.True);
                break;
            case "clientContent":
                await InterruptAsync().ConfigureAwait(false);
                if (body.TryGetField("turnComplete", out var complete) && complete.ValueKind == JsonValueKind.True)
                {
                    var prompt = TurnText(body); // read now: the message's document is disposed once this returns
                    StartReply(ct => TextReplyAsync(prompt, ct));
                }

                break;
            case "realtimeInput":
                await HandleRealtimeAsync(body).ConfigureAwait(false);
                break;
            case "toolResponse":
                AnswerToolCalls(body);
                break;
            case "contextUpdate":
                ApplyContext(body, body.TryGetField("tools", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : default);
                break;
        }
    }

    /// <summary>
    /// What a Gemini 3.x model closes the connection on (docs/live-api.md 5.5): clientContent other than a promised initial
    /// history, realtime input before that history is complete, and mediaChunks. Null when the message is fine.
    /// </summary>
    private string? FamilyViolation(string kind, JsonElement body) => kind switch
    {
        "clientContent" when !_historyOpen => "clientContent after the initial history (or with no historyConfig)",
        "realtimeInput" when _historyOpen => "realtimeInput before the initial history was complete",
        "realtimeInput" when body.TryGetField("mediaChunks", out _) => "realtimeInput.mediaChunks",
        _ => null,
    };

    /// <summary>Closes with 1007 as a Gemini 3.x model does, and notes why in the record.</summary>
    private async Task RefuseAsync(string violation)
    {
        _record.Violation ??= violation;
        await CloseAsync(1007, InvalidArgument).ConfigureAwait(false);
    }

    /// <summary>
    /// Setup or a contextUpdate: a system instruction replaces the one before; a tools member (setup's list, or
    /// contextUpdate's list in an object) replaces the tools, an empty list clearing them. Applied in order with the rest.
    /// </summary>
    private void ApplyContext(JsonElement body, JsonElement toolsHolder)
    {
        string? instruction = null;
        if (body.TryGetField("systemInstruction", out var system) && system.ValueKind == JsonValueKind.Object
            && system.TryGetField("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
        {
            instruction = string.Concat(parts.EnumerateArray().Select(p => p.GetString("text") ?? ""));
        }

        IReadOnlyList<string>? tools = null;
        if (toolsHolder.ValueKind == JsonValueKind.Object && toolsHolder.TryGetField("tools", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            var names = new List<string>();
            foreach (var tool in list.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetField("functionDeclarations", out var declarations)
                    && declarations.ValueKind == JsonValueKind.Array)
                {
                    names.AddRange(declarations.EnumerateArray().Select(f => f.GetString("name") ?? ""));
                }
            }

            tools = names;
        }

        _session.Update(instruction, tools);
    }

    private async Task HandleRealtimeAsync(JsonElement input)
    {
        if (input.TryGetField("text", out var text) && text.ValueKind == JsonValueKind.String)
        {
            await InterruptAsync().ConfigureAwait(false);
            var prompt = text.GetString()!;
            StartReply(ct => TextReplyAsync(prompt, ct));
        }

        if (input.TryGetField("audio", out var audio) && audio.TryGetField("data", out var data))
        {
            await InterruptAsync().ConfigureAwait(false);
            _audioBytes += data.GetBytesFromBase64().Length;
        }

        // The deprecated form: audio among mediaChunks.
        if (input.TryGetField("mediaChunks", out var chunks) && chunks.ValueKind == JsonValueKind.Array)
        {
            foreach (var chunk in chunks.EnumerateArray())
            {
                if (chunk.GetString("mimeType")?.StartsWith("audio/", StringComparison.Ordinal) == true && chunk.TryGetField("data", out var bytes))
                {
                    await InterruptAsync().ConfigureAwait(false);
                    _audioBytes += bytes.GetBytesFromBase64().Length;
                }
            }
        }

        if (input.TryGetField("activityStart", out _))
        {
            await InterruptAsync().ConfigureAwait(false);
        }

        var ended = input.TryGetField("activityEnd", out _)
            || (input.TryGetField("audioStreamEnd", out var end) && end.ValueKind == JsonValueKind.True);
        if (ended && _audioBytes > 0)
        {
            var bytes = _audioBytes;
            _audioBytes = 0;
            StartReply(ct => AudioReplyAsync(bytes, ct));
        }
    }

    private void StartReply(Func<CancellationToken, Task> reply)
    {
        _turnCompleted = false;
        var cancellation = CancellationTokenSource.CreateLinkedTokenSource(_stopping);
        _replyCancellation = cancellation;
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

    private async Task InterruptAsync()
    {
        if (_reply.IsCompleted || _replyCancellation is null)
        {
            return;
        }

        await _replyCancellation.CancelAsync().ConfigureAwait(false);
        await _reply.ConfigureAwait(false);
        if (_turnCompleted)
        {
            return; // its turnComplete is out (it was only sending a handle): a finished turn is not interrupted
        }

        string[] cancelled;
        lock (_gate)
        {
            cancelled = [.. _pendingCalls.Keys];
            _pendingCalls.Clear();
        }

        await SendAsync(ServerFrames.Interrupted).ConfigureAwait(false);
        if (cancelled.Length > 0)
        {
            await SendAsync(ServerFrames.ToolCallCancellation(cancelled)).ConfigureAwait(false);
        }

        await SendAsync(ServerFrames.TurnComplete(0, 0, IsVertex, Idle)).ConfigureAwait(false);
    }

    /// <summary>What a model that reports interactionStatus says at the end of a reply; null for one that does not.</summary>
    private string? Idle => ReportsInteraction ? "IDLE" : null;

    /// <summary>Gemini 3.x: an empty serverContent carrying only usageMetadata comes before a reply's first chunk.</summary>
    private Task StartReplyAsync(int promptTokens, CancellationToken ct) =>
        IsGemini3 ? ReplyAsync(ServerFrames.UsageOnly(promptTokens, IsVertex), ct) : Task.CompletedTask;

    private async Task TextReplyAsync(string prompt, CancellationToken ct)
    {
        var turn = _session.NextTurn();
        var text = $"Turn {turn}: you said \"{prompt}\"";
        await StartReplyAsync(prompt.Length / 4 + 1, ct).ConfigureAwait(false);
        if (ToolConvention.TryParse(prompt, out var name, out var args))
        {
            var id = $"call-{_session.Id[..8]}-{turn}";
            var answer = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _pendingCalls[id] = answer;
            }

            if (_resumption)
            {
                await ReplyAsync(ServerFrames.NotResumable, ct).ConfigureAwait(false);
            }

            using (args)
            {
                await ReplyAsync(ServerFrames.ToolCall(id, name, args.RootElement, Idle), ct).ConfigureAwait(false);
            }

            text = $"Turn {turn}: {name} returned {await answer.Task.WaitAsync(ct).ConfigureAwait(false)}";
        }

        var flood = Interlocked.Exchange(ref _floodChunks, 0);
        var audioFlood = Interlocked.Exchange(ref _audioFloodChunks, 0);
        if (flood > 0 || audioFlood > 0)
        {
            for (var i = 0; i < flood; i++)
            {
                await ReplyAsync(ServerFrames.FloodChunk, ct, preSerialized: true).ConfigureAwait(false);
            }

            for (var i = 0; i < audioFlood; i++)
            {
                await ReplyAsync(ServerFrames.AudioFloodChunk, ct, preSerialized: true).ConfigureAwait(false);
            }
        }
        else
        {
            foreach (var chunk in Chunk(text, _emulator.Options.ReplyChunks))
            {
                await ReplyAsync(ServerFrames.TextChunk(chunk), ct).ConfigureAwait(false);
            }

            if (ReportsInteraction)
            {
                // An extended-thinking model speaks again about the same request: a turnComplete that is not the end.
                await ReplyAsync(ServerFrames.TurnCompleteWith("IN_PROGRESS"), ct).ConfigureAwait(false);
                if (_resumption)
                {
                    await SendResumptionUpdateAsync(mayHold: true, ct).ConfigureAwait(false); // resumable between its speeches
                }

                await ReplyAsync(ServerFrames.TextChunk($"Turn {turn}, on reflection: still \"{prompt}\""), ct).ConfigureAwait(false);
            }
        }

        await FinishTurnAsync(prompt.Length / 4 + 1, text.Length / 4 + 1, ct).ConfigureAwait(false);
    }

    private async Task AudioReplyAsync(long inputBytes, CancellationToken ct)
    {
        var turn = _session.NextTurn();
        var milliseconds = inputBytes / 32; // 16 kHz, 2 bytes a sample
        await StartReplyAsync((int)(milliseconds / 40) + 1, ct).ConfigureAwait(false);
        await ReplyAsync(ServerFrames.Transcription("inputTranscription", $"{milliseconds} ms of audio", finished: true), ct).ConfigureAwait(false);
        var outputBytes = inputBytes * 3 / 2 / 2 * 2; // the same duration at 24 kHz, whole samples
        var mime = IsVertex ? "audio/pcm" : "audio/pcm;rate=24000";
        for (long sent = 0; sent < outputBytes; sent += AudioChunkBytes)
        {
            var size = (int)Math.Min(AudioChunkBytes, outputBytes - sent);
            await ReplyAsync(ServerFrames.AudioChunk(Silence.AsSpan(0, size), mime), ct).ConfigureAwait(false);
        }

        await ReplyAsync(ServerFrames.Transcription("outputTranscription", $"Turn {turn}: I heard {milliseconds} ms of audio.", finished: null), ct)
            .ConfigureAwait(false);
        await FinishTurnAsync((int)(milliseconds / 40) + 1, (int)(milliseconds / 40) + 1, ct).ConfigureAwait(false);
    }

    private async Task FinishTurnAsync(int promptTokens, int responseTokens, CancellationToken ct)
    {
        await ReplyAsync(ServerFrames.GenerationComplete, ct, preSerialized: true).ConfigureAwait(false);
        await ReplyAsync(ServerFrames.TurnComplete(promptTokens, responseTokens, IsVertex, Idle), ct).ConfigureAwait(false);
        _turnCompleted = true;
        if (_resumption)
        {
            await SendResumptionUpdateAsync(mayHold: true, ct).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Issues a handle for the state as it is now and sends it, or (HoldResumptionUpdates) holds it back, and everything
    /// sent after it, until more client messages have arrived: a slow trip back that keeps the server's order. The
    /// update right after setupComplete is never held.
    /// </summary>
    private async Task SendResumptionUpdateAsync(bool mayHold, CancellationToken ct)
    {
        if (mayHold && _updateDelay > TimeSpan.Zero)
        {
            await Task.Delay(_updateDelay, _emulator.Options.Time, ct).ConfigureAwait(false); // the reply loop waits too: order is kept
        }

        var (handle, consumed) = _emulator.Sessions.Issue(_session);
        var frame = ServerFrames.ResumptionUpdate(handle, _transparent ? consumed : null);
        if (_holdUpdates == 0 || !mayHold)
        {
            await SendAsync(frame, ct: ct).ConfigureAwait(false);
            return;
        }

        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            _held.Enqueue(new HeldFrame(frame, false, true, Volatile.Read(ref _clientMessages) + _holdUpdates));
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends, in order, what was held back behind resumption updates that are now due.</summary>
    private async Task SendHeldFramesAsync()
    {
        if (_holdUpdates == 0)
        {
            return;
        }

        await _sendLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            while (_held.TryPeek(out var held) && held.SendAfter <= Volatile.Read(ref _clientMessages))
            {
                _held.Dequeue();
                await WriteFrameAsync(held.Frame, held.PreSerialized, held.CountsAfterSetup).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }

        if (_triggered.Count > 0)
        {
            await FireDueFaultsAsync().ConfigureAwait(false);
        }
    }

    private void AnswerToolCalls(JsonElement toolResponse)
    {
        if (!toolResponse.TryGetField("functionResponses", out var responses) || responses.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        foreach (var response in responses.EnumerateArray())
        {
            if (!response.TryGetField("id", out var id) || id.ValueKind != JsonValueKind.String)
            {
                continue;
            }

            TaskCompletionSource<string>? pending;
            lock (_gate)
            {
                _pendingCalls.Remove(id.GetString()!, out pending);
            }

            pending?.TrySetResult(response.TryGetField("response", out var value) ? value.GetRawText() : "{}");
        }
    }

    /// <summary>Takes a drop fault that is due now (as <see cref="FireDueFaultsAsync"/> judges it); false when there is none.</summary>
    private bool TakeDueDrop()
    {
        lock (_gate)
        {
            var index = _triggered.FindIndex(t => t.Fault is DropFault && t.When.IsDue(Volatile.Read(ref _clientMessages), Volatile.Read(ref _serverMessagesAfterSetup)));
            if (index < 0)
            {
                return false;
            }

            _triggered.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Ends the connection with no close frame, as a network failure would.</summary>
    private void Drop()
    {
        _record.End(new ConnectionEnd(ConnectionEndKind.Dropped));
        _http.Abort();
    }

    private async Task FireDueFaultsAsync()
    {
        List<EmulatorFault> due;
        lock (_gate)
        {
            due = [.. _triggered.Where(t => t.When.IsDue(Volatile.Read(ref _clientMessages), Volatile.Read(ref _serverMessagesAfterSetup))).Select(t => t.Fault)];
            _triggered.RemoveAll(t => due.Contains(t.Fault));
        }

        foreach (var fault in due)
        {
            switch (fault)
            {
                case DropFault:
                    Drop();
                    return;
                case CloseFault close:
                    await CloseAsync(close.Code, close.Reason).ConfigureAwait(false);
                    return;
                case GoAwayFault goAway:
                    // The deadline starts before the client can see goAway, so a test clock advanced on receipt always finds it.
                    _ = CloseAfterAsync(goAway.TimeLeft);
                    await SendAsync(ServerFrames.GoAway(goAway.TimeLeft)).ConfigureAwait(false);
                    break;
                case MalformedFrameFault:
                    await SendAsync(ServerFrames.Malformed, preSerialized: true).ConfigureAwait(false);
                    break;
                case RawFrameFault raw:
                    await SendAsync(System.Text.Encoding.UTF8.GetBytes(raw.Frame)).ConfigureAwait(false);
                    break;
                case UnknownKindFault:
                    await SendAsync(ServerFrames.UnknownKind, preSerialized: true).ConfigureAwait(false);
                    break;
                case HugeMessageFault huge:
                    await SendAsync(ServerFrames.Huge(huge.Bytes)).ConfigureAwait(false);
                    break;
                case StopReadingFault:
                    _stopReading = true;
                    break;
            }
        }
    }

    private async Task CloseAfterAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _emulator.Options.Time, _stopping).ConfigureAwait(false);
            if (_socket.State == WebSocketState.Open)
            {
                await CloseAsync(1011, "Deadline expired before operation could complete.").ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException or IOException)
        {
            // The connection ended first.
        }
    }

    private async Task CloseAsync(int code, string reason)
    {
        _record.End(new ConnectionEnd(ConnectionEndKind.ServerClosed, code, reason));
        await _sendLock.WaitAsync(_stopping).ConfigureAwait(false);
        try
        {
            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, _stopping).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends one message of the scripted model's reply, after the connection's delay fault if it has one.</summary>
    private async Task ReplyAsync(byte[] frame, CancellationToken ct, bool preSerialized = false)
    {
        if (_delay > TimeSpan.Zero)
        {
            await Task.Delay(_delay, _emulator.Options.Time, ct).ConfigureAwait(false);
        }

        await SendAsync(frame, ct, preSerialized).ConfigureAwait(false);
    }

    private async Task SendAsync(byte[] frame, CancellationToken ct = default, bool preSerialized = false, bool countsAfterSetup = true)
    {
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            ct.ThrowIfCancellationRequested();
            if (_held.Count > 0)
            {
                _held.Enqueue(new HeldFrame(frame, preSerialized, countsAfterSetup, 0)); // behind a held update, in order
                return;
            }

            await WriteFrameAsync(frame, preSerialized, countsAfterSetup).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }

        if (countsAfterSetup && _triggered.Count > 0)
        {
            await FireDueFaultsAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes one frame; the caller holds the send lock.</summary>
    private async Task WriteFrameAsync(byte[] frame, bool preSerialized, bool countsAfterSetup)
    {
        if (_socket.State != WebSocketState.Open)
        {
            return;
        }

        if (_fragmentBytes > 0)
        {
            for (var offset = 0; offset < frame.Length; offset += _fragmentBytes)
            {
                var size = Math.Min(_fragmentBytes, frame.Length - offset);
                await _socket.SendAsync(frame.AsMemory(offset, size), WebSocketMessageType.Binary, offset + size == frame.Length, _stopping)
                    .ConfigureAwait(false);
            }
        }
        else
        {
            await _socket.SendAsync(frame, WebSocketMessageType.Binary, true, _stopping).ConfigureAwait(false);
        }

        _record.CountServerMessage();
        _emulator.Stats.Sent(frame.Length, preSerialized);
        if (countsAfterSetup)
        {
            Interlocked.Increment(ref _serverMessagesAfterSetup);
        }
    }

    /// <summary>A frame held back by HoldResumptionUpdates; a held update goes once the client has sent <c>SendAfter</c> messages.</summary>
    private sealed record HeldFrame(byte[] Frame, bool PreSerialized, bool CountsAfterSetup, int SendAfter);

    /// <summary>The next whole client message, or null once the client closed (the close handshake is answered here).</summary>
    private async Task<JsonDocument?> ReceiveAsync()
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), _stopping).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                _record.End(new ConnectionEnd(ConnectionEndKind.ClientClosed, (int?)_socket.CloseStatus, _socket.CloseStatusDescription));
                await _sendLock.WaitAsync(_stopping).ConfigureAwait(false);
                try
                {
                    if (_socket.State == WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, _socket.CloseStatusDescription, _stopping)
                            .ConfigureAwait(false);
                    }
                }
                finally
                {
                    _sendLock.Release();
                }

                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > _emulator.Options.MaxClientMessageBytes)
            {
                await CloseAsync(1009, "Message too big.").ConfigureAwait(false);
                return null;
            }

            if (result.EndOfMessage)
            {
                try
                {
                    return JsonDocument.Parse(buffer.WrittenMemory);
                }
                catch (JsonException)
                {
                    _record.Add(new RecordedMessage(_clientMessages, "(invalid json)", Encoding.UTF8.GetString(buffer.WrittenSpan)));
                    await CloseAsync(1007, "Invalid JSON payload received.").ConfigureAwait(false);
                    return null;
                }
            }
        }
    }

    private async Task WaitUntilGoneAsync()
    {
        using var gone = CancellationTokenSource.CreateLinkedTokenSource(_stopping, _http.RequestAborted);
        await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
        _record.End(new ConnectionEnd(_stopping.IsCancellationRequested ? ConnectionEndKind.EmulatorStopped : ConnectionEndKind.ClientAborted));
    }

    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        ["setup"] = "setup",
        ["clientContent"] = "clientContent",
        ["client_content"] = "clientContent",
        ["realtimeInput"] = "realtimeInput",
        ["realtime_input"] = "realtimeInput",
        ["toolResponse"] = "toolResponse",
        ["tool_response"] = "toolResponse",
        ["contextUpdate"] = "contextUpdate",
        ["context_update"] = "contextUpdate",
    };

    /// <summary>The message's kind when it has exactly one known top-level member (camelCase or snake_case), else null.</summary>
    private static string? KindOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        string? kind = null;
        foreach (var member in root.EnumerateObject())
        {
            if (kind is not null || !Kinds.TryGetValue(member.Name, out kind) || member.Value.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
        }

        return kind;
    }

    private static string? Member(JsonElement root, string kind) =>
        root.EnumerateObject().Select(m => m.Name).FirstOrDefault(name => Kinds.TryGetValue(name, out var k) && k == kind);

    private static string TurnText(JsonElement clientContent)
    {
        var text = new StringBuilder();
        if (clientContent.TryGetField("turns", out var turns) && turns.ValueKind == JsonValueKind.Array)
        {
            foreach (var turn in turns.EnumerateArray())
            {
                if (turn.TryGetField("parts", out var parts) && parts.ValueKind == JsonValueKind.Array)
                {
                    foreach (var part in parts.EnumerateArray())
                    {
                        if (part.TryGetField("text", out var t) && t.ValueKind == JsonValueKind.String)
                        {
                            text.Append(t.GetString());
                        }
                    }
                }
            }
        }

        return text.ToString();
    }

    private static IEnumerable<string> Chunk(string text, int chunks)
    {
        var size = Math.Max(1, (text.Length + chunks - 1) / Math.Max(1, chunks));
        for (var i = 0; i < text.Length; i += size)
        {
            yield return text.Substring(i, Math.Min(size, text.Length - i));
        }
    }
}
