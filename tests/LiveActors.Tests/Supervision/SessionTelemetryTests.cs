using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision;
using LiveActors.Telemetry;
using LiveActors.Transport;

namespace LiveActors.Tests.Supervision;

/// <summary>The session's recorder: its GenAI tags, token usage, reply timing and odd members logged once, without a session.</summary>
public sealed class SessionTelemetryTests : IDisposable
{
    private readonly string _model = $"recorder-{Guid.NewGuid():N}";
    private readonly ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)> _records = new();
    private readonly MeterListener _listener = new();
    private readonly SessionTelemetry _telemetry;

    public SessionTelemetryTests()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument.Name, value, tags));
        _listener.Start();
        _telemetry = new SessionTelemetry(new LiveConnectionOptions { Model = _model, ApiKey = "k" });
    }

    public void Dispose() => _listener.Dispose();

    [Fact]
    public void Its_tags_name_the_model_and_the_operation()
    {
        var tags = _telemetry.Tags.ToDictionary(t => t.Key, t => t.Value);

        Assert.Equal(_model, tags["gen_ai.request.model"]);
        Assert.Equal("generate_content", tags["gen_ai.operation.name"]);
    }

    [Fact]
    public void Usage_is_recorded_as_input_and_output_tokens_the_response_count_before_the_candidates()
    {
        _telemetry.ServerSent(new ServerMessage { UsageMetadata = new UsageMetadata { PromptTokenCount = 12, ResponseTokenCount = 30, CandidatesTokenCount = 99 } }, endsInteraction: false, 0);
        _telemetry.ServerSent(new ServerMessage { UsageMetadata = new UsageMetadata { CandidatesTokenCount = 7 } }, endsInteraction: false, 0);

        var usage = Mine("gen_ai.client.token.usage").Select(r => (r.Value, r.Tags["gen_ai.token.type"])).ToList();
        Assert.Equal([(12.0, "input"), (30.0, "output"), (7.0, "output")], usage);
    }

    [Fact]
    public void A_reply_is_timed_from_the_message_handed_on_timestamps_the_caller_gives()
    {
        var start = Stopwatch.GetTimestamp();
        _telemetry.Handed(ClientContent.UserText("hi"), start);
        _telemetry.ServerSent(new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("yo", "model") } }, endsInteraction: false, start + Stopwatch.Frequency);

        Assert.Equal(1.0, Assert.Single(Mine("gen_ai.client.operation.time_to_first_chunk")).Value, 6);
    }

    [Fact]
    public void A_reply_cut_by_the_connection_is_recorded_as_cut()
    {
        var start = Stopwatch.GetTimestamp();
        _telemetry.Handed(ClientContent.UserText("hi"), start);
        _telemetry.ServerSent(new ServerMessage { ServerContent = new ServerContent { ModelTurn = Content.FromText("yo", "model") } }, endsInteraction: false, start);
        _telemetry.ConnectionEnded(start + (2 * Stopwatch.Frequency));

        Assert.Equal("reply_cut", Assert.Single(Mine("gen_ai.client.operation.duration")).Tags["error.type"]);
    }

    [Fact]
    public void An_odd_member_is_first_seen_once_per_session()
    {
        Assert.Equal(["a", "b"], _telemetry.FirstSeen(["a", "b"]));
        Assert.Equal(["c"], _telemetry.FirstSeen(["b", "c", "a"]));
        Assert.Empty(_telemetry.FirstSeen(null));
        Assert.Equal(["x"], new SessionTelemetry(new LiveConnectionOptions { Model = _model, ApiKey = "k" }).FirstSeen(["x"])); // another session's own
    }

    private void Add(string name, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        _records.Enqueue((name, value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value)));

    private List<(string Name, double Value, Dictionary<string, object?> Tags)> Mine(string name) =>
        [.. _records.Where(r => r.Name == name && Equals(r.Tags.GetValueOrDefault("gen_ai.request.model"), _model))];
}
