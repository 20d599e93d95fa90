using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator;

/// <summary>
/// What the scripted model says in one conversation: <c>Turn N: you said "..."</c> to text, a tool call and its result
/// to a <c>tool:</c> prompt, a tone of the same length (with transcriptions) to audio, each reply spoken in the
/// connection's <see cref="ReplyVoice"/>, shaped by the model's rules and ended with turnComplete and, when asked for,
/// a resumption handle.
/// </summary>
internal sealed class ModelReplies
{
    private readonly SessionState _session;
    private readonly FamilyRules _rules;
    private readonly ReplyVoice _voice;
    private readonly bool _vertex;
    private readonly ResumptionUpdates? _updates;
    private readonly PendingToolCalls _calls;
    private readonly FaultPlan _plan;
    private readonly IServerOutlet _outlet;
    private readonly Action _turnCompleted;
    private readonly int _replyChunks;
    private readonly TimeProvider _time;
    private readonly byte[] _toneFrame;

    /// <param name="session">The conversation.</param>
    /// <param name="rules">The model's rules.</param>
    /// <param name="voice">Audio or text, and which transcriptions.</param>
    /// <param name="vertex">The Vertex AI backend, whose wording differs.</param>
    /// <param name="updates">Resumption handles, when the conversation asked for them.</param>
    /// <param name="calls">The tool calls awaiting answers.</param>
    /// <param name="plan">The faults that shape replies: a delay, floods.</param>
    /// <param name="outlet">Where the reply goes.</param>
    /// <param name="turnCompleted">Told once a reply's turnComplete is out.</param>
    /// <param name="replyChunks">How many chunks a reply to text comes in.</param>
    /// <param name="time">The clock delays go by.</param>
    public ModelReplies(SessionState session, FamilyRules rules, ReplyVoice voice, bool vertex, ResumptionUpdates? updates, PendingToolCalls calls,
        FaultPlan plan, IServerOutlet outlet, Action turnCompleted, int replyChunks, TimeProvider time)
    {
        _session = session;
        _rules = rules;
        _voice = voice;
        _vertex = vertex;
        _updates = updates;
        _calls = calls;
        _plan = plan;
        _outlet = outlet;
        _turnCompleted = turnCompleted;
        _replyChunks = replyChunks;
        _time = time;
        _toneFrame = ServerFrames.AudioChunk(Tone.Chunk.Span, Mime);
    }

    private string Mime => _vertex ? "audio/pcm" : "audio/pcm;rate=24000";

    /// <summary>
    /// Ends a reply cut short: interrupted, the cancellation of its BLOCKING calls (none on a model that drops them
    /// silently, PROTOCOL.md §3.6), and a turnComplete with no tokens.
    /// </summary>
    public async Task InterruptedAsync()
    {
        var silently = _rules.Model.CancelsBlockingSilently;
        var cancelled = _calls.TakeBlocking(silently);
        await _outlet.SendAsync(new OutboundFrame(ServerFrames.Interrupted)).ConfigureAwait(false);
        if (cancelled.Length > 0 && !silently)
        {
            await _outlet.SendAsync(new OutboundFrame(ServerFrames.ToolCallCancellation(cancelled))).ConfigureAwait(false);
        }

        await _outlet.SendAsync(new OutboundFrame(ServerFrames.TurnComplete(0, 0, _vertex, _rules.Idle))).ConfigureAwait(false);
    }

    /// <summary>The reply to a text turn (clientContent or realtime text); <paramref name="behaviorOf"/> gives a function's declared behavior.</summary>
    public async Task TextAsync(string prompt, Func<string, string?> behaviorOf, CancellationToken ct)
    {
        var turn = _session.NextTurn();
        var text = $"Turn {turn}: you said \"{prompt}\"";
        await StartAsync(prompt.Length / 4 + 1, ct).ConfigureAwait(false);
        if (ToolConvention.TryParse(prompt, out var name, out var args))
        {
            var id = $"call-{_session.Id[..8]}-{turn}";
            using (args)
            {
                if (!_rules.Model.IsBlocking(behaviorOf(name)))
                {
                    // NON_BLOCKING: the call outlives this reply; its answer prompts a reply as its scheduling says.
                    _calls.Track(id, name, turn);
                    await SendAsync(ServerFrames.ToolCall(id, name, args.RootElement, _rules.Idle), ct).ConfigureAwait(false);
                    await FinishAsync(prompt.Length / 4 + 1, 0, ct).ConfigureAwait(false);
                    return;
                }

                var answer = _calls.Await(id);
                if (_updates is not null)
                {
                    await SendAsync(ServerFrames.NotResumable, ct).ConfigureAwait(false);
                }

                await SendAsync(ServerFrames.ToolCall(id, name, args.RootElement, _rules.Idle), ct).ConfigureAwait(false);
                text = $"Turn {turn}: {name} returned {await answer.WaitAsync(ct).ConfigureAwait(false)}";
            }
        }

        var flood = _plan.TakeFlood();
        var audioFlood = _plan.TakeAudioFlood();
        if (flood > 0 || audioFlood > 0)
        {
            for (var i = 0; i < flood; i++)
            {
                await SendAsync(ServerFrames.FloodChunk, ct, preSerialized: true).ConfigureAwait(false);
            }

            for (var i = 0; i < audioFlood; i++)
            {
                await SendAsync(ServerFrames.AudioFloodChunk, ct, preSerialized: true).ConfigureAwait(false);
            }
        }
        else
        {
            await SpeakAsync(text, ct).ConfigureAwait(false);
            if (_rules.ReportsInteraction)
            {
                // An extended-thinking model speaks again about the same request: a turnComplete that is not the end.
                var update = _updates?.Issue(_session); // resumable between its speeches
                await SendAsync(ServerFrames.TurnCompleteWith("IN_PROGRESS"), ct).ConfigureAwait(false);
                if (update is not null)
                {
                    await _updates!.SendAsync(update, mayHold: true, ct).ConfigureAwait(false);
                }

                await SpeakAsync($"Turn {turn}, on reflection: still \"{prompt}\"", ct, chunks: 1).ConfigureAwait(false);
            }
        }

        await FinishAsync(prompt.Length / 4 + 1, text.Length / 4 + 1, ct).ConfigureAwait(false);
    }

    /// <summary>The reply a NON_BLOCKING call's answer prompts (WHEN_IDLE or INTERRUPT): <c>Turn N: NAME returned RESPONSE</c>.</summary>
    public async Task ToolResultAsync(ToolAnswer answer, CancellationToken ct)
    {
        var text = $"Turn {answer.Turn}: {answer.Name} returned {answer.Response}";
        await StartAsync(answer.Response.Length / 4 + 1, ct).ConfigureAwait(false);
        await SpeakAsync(text, ct).ConfigureAwait(false);
        await FinishAsync(answer.Response.Length / 4 + 1, text.Length / 4 + 1, ct).ConfigureAwait(false);
    }

    /// <summary>The reply to <paramref name="inputBytes"/> of 16 kHz audio, once the client's activity or stream ended: a tone as long.</summary>
    public async Task AudioAsync(long inputBytes, CancellationToken ct)
    {
        var turn = _session.NextTurn();
        var milliseconds = inputBytes / 32; // 16 kHz, 2 bytes a sample
        await StartAsync((int)(milliseconds / 40) + 1, ct).ConfigureAwait(false);
        if (_voice.InputTranscription)
        {
            await SendAsync(ServerFrames.Transcription("inputTranscription", $"{milliseconds} ms of audio", finished: true), ct).ConfigureAwait(false);
        }

        var outputBytes = inputBytes * 3 / 2 / 2 * 2; // the same duration at 24 kHz, whole samples
        for (long sent = 0; sent < outputBytes; sent += Tone.ChunkBytes)
        {
            var size = (int)Math.Min(Tone.ChunkBytes, outputBytes - sent);
            await SendAsync(size == Tone.ChunkBytes ? _toneFrame : ServerFrames.AudioChunk(Tone.Chunk.Span[..size], Mime), ct).ConfigureAwait(false);
        }

        if (_voice.OutputTranscription)
        {
            await SendAsync(ServerFrames.Transcription("outputTranscription", $"Turn {turn}: I heard {milliseconds} ms of audio.", finished: null), ct)
                .ConfigureAwait(false);
        }

        await FinishAsync((int)(milliseconds / 40) + 1, (int)(milliseconds / 40) + 1, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Says <paramref name="text"/> in chunks: text parts, or (in audio) a 200 ms tone chunk followed by the
    /// outputTranscription of the words it stands for, as the service interleaves them.
    /// </summary>
    private async Task SpeakAsync(string text, CancellationToken ct, int? chunks = null)
    {
        foreach (var chunk in Chunk(text, chunks ?? _replyChunks))
        {
            if (!_voice.Audio)
            {
                await SendAsync(ServerFrames.TextChunk(chunk), ct).ConfigureAwait(false);
                continue;
            }

            await SendAsync(_toneFrame, ct, preSerialized: true).ConfigureAwait(false);
            if (_voice.OutputTranscription)
            {
                await SendAsync(ServerFrames.Transcription("outputTranscription", chunk, finished: null), ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Gemini 3.x: an empty serverContent carrying only usageMetadata comes before a reply's first chunk.</summary>
    private Task StartAsync(int promptTokens, CancellationToken ct) =>
        _rules.UsageFirst ? SendAsync(ServerFrames.UsageOnly(promptTokens, _vertex), ct) : Task.CompletedTask;

    private async Task FinishAsync(int promptTokens, int responseTokens, CancellationToken ct)
    {
        await SendAsync(ServerFrames.GenerationComplete, ct, preSerialized: true).ConfigureAwait(false);
        var update = _updates?.Issue(_session); // the turn's handle: issued before the client can answer turnComplete
        await SendAsync(ServerFrames.TurnComplete(promptTokens, responseTokens, _vertex, _rules.Idle, _voice.Audio ? "AUDIO" : "TEXT"), ct).ConfigureAwait(false);
        _turnCompleted();
        if (_plan.TakeStrayInterrupted())
        {
            await _outlet.SendAsync(new OutboundFrame(ServerFrames.Interrupted), ct).ConfigureAwait(false);
        }

        if (update is not null)
        {
            // The turn is over: input that interrupts the next reply does not withdraw the handle that closes this one.
            await _updates!.SendAsync(update, mayHold: true, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Sends one message of the reply, after the connection's delay fault if it has one.</summary>
    private async Task SendAsync(byte[] frame, CancellationToken ct, bool preSerialized = false)
    {
        if (_plan.ReplyDelay > TimeSpan.Zero)
        {
            await Task.Delay(_plan.ReplyDelay, _time, ct).ConfigureAwait(false);
        }

        await _outlet.SendAsync(new OutboundFrame(frame, preSerialized), ct).ConfigureAwait(false);
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
