using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Tests.Support;
using static LiveActors.Live;

namespace LiveActors.Tests.Cluster;

/// <summary>
/// What the test's own member saw of every turn it sent: which were acknowledged with which sequence, and each one's
/// outcome as the sessions reported it (answered, reply cut, failed with a typed error, delivery uncertain). It lives in
/// the process that is never killed, so a node's death takes nothing of it; <see cref="Read"/> sets it against the
/// emulator's records of what the server got.
/// </summary>
internal sealed class TurnLedger
{
    private const string Uncertain = "delivery_uncertain";

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Id, long Sequence), string> _acked = []; // (session, sequence) -> its turn's text
    private readonly Dictionary<string, int> _acks = new(StringComparer.Ordinal); // session -> acknowledged turns
    private readonly List<string> _reused = [];
    private readonly Dictionary<string, int> _answers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _failed = new(StringComparer.Ordinal); // text -> error code
    private readonly HashSet<string> _cut = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TaskCompletionSource> _outcomes = new(StringComparer.Ordinal);
    private TaskCompletionSource _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _unconfirmed;
    private readonly List<string> _refused = [];

    /// <summary>Acknowledged turns of <paramref name="sessionId"/> so far.</summary>
    public int AcksOf(string sessionId)
    {
        lock (_gate)
        {
            return _acks.GetValueOrDefault(sessionId);
        }
    }

    /// <summary>Waits until <paramref name="sessionId"/> has <paramref name="count"/> acknowledged turns; fails past <paramref name="patience"/>.</summary>
    public async Task AcksAsync(string sessionId, int count, TimeSpan patience)
    {
        using var guard = new CancellationTokenSource(patience);
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_acks.GetValueOrDefault(sessionId) >= count)
                {
                    return;
                }

                next = _acknowledged.Task;
            }

            try
            {
                await next.WaitAsync(guard.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"session {sessionId} stopped talking at {AcksOf(sessionId)} acknowledged turns");
            }
        }
    }

    /// <summary>Completes when the turn has an outcome (made before it is sent, so no outcome comes too early).</summary>
    public Task OutcomeOf(string text)
    {
        lock (_gate)
        {
            return Outcome(text).Task;
        }
    }

    public void Acknowledged(string sessionId, long sequence, string text)
    {
        lock (_gate)
        {
            if (_acked.TryGetValue((sessionId, sequence), out var earlier) && earlier != text)
            {
                _reused.Add($"{sessionId} #{sequence} for {earlier} and {text}");
            }

            _acked[(sessionId, sequence)] = text;
            _acks[sessionId] = _acks.GetValueOrDefault(sessionId) + 1;
            _acknowledged.TrySetResult(); // wakes those waiting for a count, then a new signal for the next
            _acknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Acknowledged turns with no outcome yet: at a kill, those in flight.</summary>
    public int Pending()
    {
        lock (_gate)
        {
            return _acked.Values.Count(text => !Outcome(text).Task.IsCompleted);
        }
    }

    /// <summary>A Send whose Ask went unanswered (its node died under it): never acknowledged, so owed nothing.</summary>
    public void Unconfirmed() => Interlocked.Increment(ref _unconfirmed);

    /// <summary>A Send refused with a typed error before it was accepted.</summary>
    public void Refused(string code)
    {
        lock (_gate)
        {
            _refused.Add(code);
        }
    }

    /// <summary>Completes when every acknowledged turn has an outcome, or <paramref name="patience"/> has passed.</summary>
    public async Task SettledAsync(TimeSpan patience)
    {
        Task[] pending;
        lock (_gate)
        {
            pending = [.. _acked.Values.Select(text => Outcome(text).Task)];
        }

        try
        {
            await Task.WhenAll(pending).WaitAsync(patience);
        }
        catch (TimeoutException)
        {
            // what has no outcome by now shows as lost
        }
    }

    /// <summary>The figures, with the emulator's connections as the proof of what the server got.</summary>
    public Figures Read(IReadOnlyList<ConnectionRecord> connections)
    {
        var received = connections.SelectMany(c => Texts(c.Messages)).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        lock (_gate)
        {
            var turns = _acked.Values.ToList();
            var answered = turns.Where(_answers.ContainsKey).ToList();
            var cut = turns.Where(t => !_answers.ContainsKey(t) && _cut.Contains(t)).ToList();
            var failed = turns.Where(t => !_answers.ContainsKey(t) && !_cut.Contains(t) && _failed.TryGetValue(t, out var code) && code != Uncertain).ToList();
            var uncertain = turns.Where(t => !_answers.ContainsKey(t) && !_cut.Contains(t) && _failed.GetValueOrDefault(t) == Uncertain).ToList();
            var lost = turns.Except(answered).Except(cut).Except(failed).Except(uncertain).ToList();

            // Twice: answered twice, or held twice in a conversation the server keeps (any connection's view of it).
            var twice = _answers.Where(a => a.Value > 1).Select(a => $"{a.Key} answered {a.Value} times")
                .Concat(connections.SelectMany(c => Texts(c.SessionMessages).GroupBy(t => t).Where(g => g.Count() > 1).Select(g => $"{g.Key} twice in connection {c.Number}'s conversation")))
                .Distinct().ToList();

            // Evidence: a turn answered or cut reached the server; a turn reported failed (not uncertain) never did.
            var unproven = answered.Concat(cut).Where(t => !received.ContainsKey(t)).Select(t => $"{t} reported delivered, never received")
                .Concat(failed.Where(received.ContainsKey).Select(t => $"{t} reported failed ({_failed[t]}), yet received")).ToList();
            var lostSaid = lost.Select(t => $"{t}: received {received.GetValueOrDefault(t)} times, no outcome").ToList();
            return new Figures(turns.Count, answered.Count, cut.Count, failed.Count, uncertain.Count, lostSaid, twice, [.. _reused], unproven,
                turns.Count(t => received.GetValueOrDefault(t) > 1), Volatile.Read(ref _unconfirmed), [.. _refused]);
        }
    }

    /// <summary>A session's listener in the test's member: it turns the session's events into outcomes here.</summary>
    public Props Listener(string sessionId) => Props.Create(() => new OutcomeListener(sessionId, this));

    private void Answered(string text) => Settle(text, () => _answers[text] = _answers.GetValueOrDefault(text) + 1);

    private void Failed(string sessionId, long sequence, string? text, string code) =>
        Settle(text ?? TextOf(sessionId, sequence), t => _failed[t] = code);

    private void Cut(string sessionId, long? sequence, string? text) =>
        Settle(text ?? (sequence is { } s ? TextOf(sessionId, s) : null), t => _cut.Add(t));

    private string? TextOf(string sessionId, long sequence)
    {
        lock (_gate)
        {
            return _acked.GetValueOrDefault((sessionId, sequence));
        }
    }

    private void Settle(string text, Action record) => Settle(text, _ => record());

    private void Settle(string? text, Action<string> record)
    {
        if (text is null)
        {
            return;
        }

        lock (_gate)
        {
            record(text);
            Outcome(text).TrySetResult();
        }
    }

    private TaskCompletionSource Outcome(string text) =>
        _outcomes.TryGetValue(text, out var outcome) ? outcome : _outcomes[text] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    private static IEnumerable<string> Texts(IEnumerable<RecordedMessage> messages) =>
        SessionLog.Describe(messages.Where(m => m.Kind == "clientContent")).Select(t => t["text:".Length..]);

    /// <summary>What the runs came to; lost, twice, reused and unproven list each case.</summary>
    internal sealed record Figures(
        int Acknowledged, int Answered, int Cut, int Failed, int Uncertain, List<string> Lost, List<string> Twice, List<string> Reused,
        List<string> Unproven, int ReceivedMoreThanOnce, int Unconfirmed, List<string> Refused)
    {
        public override string ToString() =>
            $"acknowledged {Acknowledged}, answered {Answered}, reply cut {Cut}, failed {Failed}, uncertain {Uncertain}, lost {Lost.Count}, " +
            $"duplicated {Twice.Count}, sequences reused {Reused.Count}, unproven {Unproven.Count}; received more than once {ReceivedMoreThanOnce} " +
            $"(resent after a crash, each once in its conversation); never acknowledged {Unconfirmed}, refused {Refused.Count} ({string.Join(", ", Refused.Distinct())})";
    }

    private sealed class OutcomeListener : ReceiveActor
    {
        public OutcomeListener(string sessionId, TurnLedger ledger)
        {
            Receive<ModelTurnReceived>(turn =>
            {
                // The emulator says: Turn N: you said "TEXT".
                if (turn.Text is { } said && said.IndexOf('"', StringComparison.Ordinal) is var open and >= 0 && said.LastIndexOf('"') is var close && close > open)
                {
                    ledger.Answered(said[(open + 1)..close]);
                }
            });
            Receive<SendFailed>(failed => ledger.Failed(sessionId, failed.Sequence, failed.Correlation as string, failed.Error.Code));
            Receive<ReplyCut>(cut => ledger.Cut(sessionId, cut.Sequence, cut.Correlation as string));
            ReceiveAny(_ => { });
        }
    }
}
