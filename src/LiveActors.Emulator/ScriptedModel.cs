using System.Text.Json;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator;

/// <summary>
/// The emulated model on one connection: it accepts setup (the model's row in the table, its setup checks, a resumed
/// conversation, the context), answers setupComplete, and hears each client message under its model's rules: text and
/// audio start a reply, new input interrupts the running one, a toolResponse answers a tool call (and, for a
/// NON_BLOCKING one, prompts a reply as its scheduling says), a contextUpdate changes the context.
/// </summary>
internal sealed class ScriptedModel
{
    private readonly bool _vertex;
    private readonly string _apiVersion;
    private readonly SessionStore _sessions;
    private readonly LiveEmulatorOptions _options;
    private readonly ConnectionLedger _ledger;
    private readonly FaultPlan _plan;
    private readonly IServerOutlet _outlet;
    private readonly ReplyRunner _runner;
    private readonly PendingToolCalls _calls = new();
    private readonly IdleReplies _idle = new();
    private volatile IReadOnlyDictionary<string, string?> _behaviors = new Dictionary<string, string?>();
    private SessionState _session = new();
    private FamilyRules _rules = new(EmulatedModels.Legacy);
    private ResumptionUpdates? _updates;
    private ModelReplies? _replies;
    private long _audioBytes;
    private string _heldTurn = "";

    public ScriptedModel(bool vertex, string apiVersion, SessionStore sessions, LiveEmulatorOptions options, ConnectionLedger ledger, FaultPlan plan,
        IServerOutlet outlet, CancellationToken stopping)
    {
        _vertex = vertex;
        _apiVersion = apiVersion;
        _sessions = sessions;
        _options = options;
        _ledger = ledger;
        _plan = plan;
        _outlet = outlet;
        _runner = new ReplyRunner(stopping);
        _ledger.Serves(_session);
    }

    /// <summary>Setup resumed a conversation (which spends no use of an ephemeral token).</summary>
    public bool Resumed { get; private set; }

    private ModelReplies Replies => _replies ?? throw new InvalidOperationException("The model replies only once setup is accepted.");

    /// <summary>Takes the setup the client sent, or says why the service would close the connection on it.</summary>
    public Refusal? Accept(SetupRequest request, JsonElement setup)
    {
        if (request.ModelProblem(_vertex, _apiVersion) is { } problem)
        {
            return new Refusal(1008, problem);
        }

        var model = EmulatedModels.Find(request.Model, _options.Gemini31Early2026);
        var legacy = model is null;
        if (model is null && _options.UnknownModels == UnknownModelPolicy.Refuse)
        {
            return new Refusal(1008, request.NotFound(_vertex, _apiVersion));
        }

        model ??= EmulatedModels.Legacy;
        _rules = new FamilyRules(model);
        _ledger.Follows(model);
        if (!legacy && SetupChecks.Refusal(model, setup) is { } refused)
        {
            return refused;
        }

        var transparent = false;
        if (request.Resumption is { } resumption)
        {
            if (model.RefusesOldForms && resumption.NullHandle)
            {
                return Refusal.Breaks("\"handle\": null (omit the member instead)");
            }

            transparent = resumption.Transparent;
            if (transparent && !_vertex)
            {
                return Refusal.InvalidArgument;
            }

            if (resumption.Handle is { } handle)
            {
                if (_sessions.Resume(handle) is not { } session)
                {
                    return new Refusal(1008, "BidiGenerateContent session not found");
                }

                _session = session;
                _ledger.Serves(session);
                Resumed = true;
            }

            _updates = new ResumptionUpdates(_sessions, transparent, _plan, _outlet, _options.Time);
        }

        ApplyContext(setup, setup); // its systemInstruction and tools, for a fresh or a resumed conversation alike
        _rules = new FamilyRules(model, historyPromised: !Resumed && !legacy && request.PromisesHistory);
        _replies = new ModelReplies(_session, _rules, ReplyVoice.For(setup, legacy), _vertex, _updates, _calls, _plan, _outlet, _runner.TurnCompleted,
            _options.ReplyChunks, _options.Time);
        return null;
    }

    /// <summary>
    /// setupComplete (with the session's id on Vertex AI), then <paramref name="afterSetupComplete"/> (faults due at once:
    /// an early goAway comes before any handle), then the first handle when resumption was asked for.
    /// </summary>
    public async Task AnswerSetupAsync(Func<Task>? afterSetupComplete = null)
    {
        await _outlet.SendAsync(new OutboundFrame(ServerFrames.SetupComplete(_vertex ? _session.Id : null), CountsAfterSetup: false)).ConfigureAwait(false);
        if (afterSetupComplete is not null)
        {
            await afterSetupComplete().ConfigureAwait(false);
        }

        if (_updates is not null)
        {
            await _updates.SendAsync(_session, mayHold: false, CancellationToken.None).ConfigureAwait(false); // transparent: index 0, the setup
        }
    }

    /// <summary>Acts on a client message after setup, or says why the model closes the connection on it.</summary>
    public async Task<Refusal?> HearAsync(string kind, JsonElement body)
    {
        if (_rules.Violation(kind, body) is { } violation)
        {
            return Refusal.Breaks(violation);
        }

        if (_rules.Seeds(kind, body))
        {
            return null; // the initial history starts no reply
        }

        switch (kind)
        {
            case "clientContent":
                await InterruptAsync().ConfigureAwait(false);
                var text = ClientInput.TurnText(body); // read now: the message's document is disposed once this returns
                if (!body.IsTrue("turnComplete"))
                {
                    _heldTurn = text.Length > 0 ? text : _heldTurn; // turns that wait for more: the reply answers the last of them
                    break;
                }

                var prompt = text.Length > 0 ? text : _heldTurn;
                _heldTurn = "";
                StartReply(ct => Replies.TextAsync(prompt, BehaviorOf, ct));
                break;
            case "realtimeInput":
                await HearRealtimeAsync(body).ConfigureAwait(false);
                break;
            case "toolResponse":
                return await HearToolResponseAsync(body).ConfigureAwait(false);
            case "contextUpdate":
                ApplyContext(body, body.TryGetField("tools", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object ? wrapped : default);
                break;
        }

        return null;
    }

    /// <summary>Stops the running reply as the connection ends.</summary>
    public Task EndAsync() => _runner.EndAsync();

    private async Task<Refusal?> HearToolResponseAsync(JsonElement body)
    {
        if (!_rules.Model.SchedulingAccepted && body.TryGetField("functionResponses", out var responses) && responses.ValueKind == JsonValueKind.Array
            && responses.EnumerateArray().Any(r => r.TryGetField("scheduling", out _)))
        {
            return new Refusal(1007, SetupChecks.SchedulingNotSupported);
        }

        foreach (var answer in _calls.Answer(body))
        {
            _ledger.Answered(answer.Record);
            switch (answer.Record.Outcome)
            {
                case ToolResponseOutcome.WhenIdle when !_idle.TryWait(answer):
                    await _runner.StopAsync().ConfigureAwait(false); // a reply past its turnComplete, sending its handle
                    StartReply(ct => Replies.ToolResultAsync(answer, ct));
                    break;
                case ToolResponseOutcome.Interrupt:
                    await InterruptAsync().ConfigureAwait(false);
                    StartReply(ct => Replies.ToolResultAsync(answer, ct));
                    break;
            }
        }

        return null;
    }

    private async Task HearRealtimeAsync(JsonElement input)
    {
        if (input.GetString("text") is { } prompt)
        {
            await InterruptAsync().ConfigureAwait(false);
            StartReply(ct => Replies.TextAsync(prompt, BehaviorOf, ct));
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

        var ended = input.TryGetField("activityEnd", out _) || input.IsTrue("audioStreamEnd");
        if (ended && _audioBytes > 0)
        {
            var bytes = _audioBytes;
            _audioBytes = 0;
            StartReply(ct => Replies.AudioAsync(bytes, ct));
        }
    }

    /// <summary>Starts a reply; once it is done it speaks the WHEN_IDLE answers that came meanwhile.</summary>
    private void StartReply(Func<CancellationToken, Task> reply)
    {
        _idle.Speaking();
        _runner.Start(async ct =>
        {
            var done = false;
            try
            {
                await reply(ct).ConfigureAwait(false);
                while (_idle.Next() is { } answer)
                {
                    await Replies.ToolResultAsync(answer, ct).ConfigureAwait(false);
                }

                done = true;
            }
            finally
            {
                if (!done)
                {
                    _idle.Silenced();
                }
            }
        });
    }

    /// <summary>New input cuts the running reply short; a reply whose turnComplete is out (it was only sending a handle) is not interrupted.</summary>
    private async Task InterruptAsync()
    {
        if (await _runner.StopAsync().ConfigureAwait(false))
        {
            await Replies.InterruptedAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The behavior a function was declared with (null when it was not said, or not declared).</summary>
    private string? BehaviorOf(string name) => _behaviors.GetValueOrDefault(name);

    /// <summary>Setup or a contextUpdate changes the conversation's context, in order with the rest of its messages.</summary>
    private void ApplyContext(JsonElement body, JsonElement toolsHolder)
    {
        var (instruction, tools) = ClientInput.Context(body, toolsHolder);
        _session.Update(instruction, tools);
        if (tools is not null)
        {
            var behaviors = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var declaration in SetupChecks.Declarations(toolsHolder))
            {
                behaviors[declaration.GetString("name") ?? ""] = declaration.GetString("behavior");
            }

            _behaviors = behaviors; // a reply reads them on its own task: replaced whole, never changed in place
        }
    }
}
