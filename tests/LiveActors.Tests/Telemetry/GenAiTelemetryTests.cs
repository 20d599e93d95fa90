using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Akka.Actor;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Tests.Support;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Telemetry;

/// <summary>The OpenTelemetry GenAI conventions beside live.*: token usage from usageMetadata, and histograms with buckets that fit.</summary>
public sealed class GenAiTelemetryTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public void Token_usage_is_recorded_by_token_type_with_the_provider_and_the_model()
    {
        var records = new ConcurrentQueue<(long Tokens, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, meter) =>
        {
            if (instrument.Meter.Name == LiveTelemetry.Name && instrument.Name == "gen_ai.client.token.usage")
            {
                meter.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, tokens, tags, _) => records.Enqueue((tokens, tags.ToArray().ToDictionary(t => t.Key, t => t.Value))));
        listener.Start();
        var model = $"gemini-2.5-flash-{Guid.NewGuid():N}"; // this test's own: other tests run sessions meanwhile
        var (session, events) = StartSession(Options with { Model = model });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("count my tokens")));
        var usage = NextEvent<UsageReported>(events).Usage;

        var mine = records.Where(r => Equals(r.Tags["gen_ai.request.model"], model)).ToList();
        Assert.Contains(mine, r => Equals(r.Tags["gen_ai.token.type"], "input") && r.Tokens == usage.PromptTokenCount);
        Assert.Contains(mine, r => Equals(r.Tags["gen_ai.token.type"], "output") && r.Tokens == usage.ResponseTokenCount);
        Assert.All(mine, r => Assert.Equal("gcp.gemini", r.Tags["gen_ai.provider.name"]));
    }

    [Fact]
    public void The_connect_activity_names_the_provider_and_the_model()
    {
        var model = $"gemini-2.5-flash-{Guid.NewGuid():N}";
        var stopped = new ConcurrentQueue<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == LiveTelemetry.Name,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var (_, events) = StartSession(Options with { Model = model });
        NextEvent<Connected>(events);

        AwaitAssert(() =>
        {
            var connect = Assert.Single(stopped, a => a.OperationName == LiveTelemetry.ConnectActivity && Equals(a.GetTagItem("gen_ai.request.model"), model));
            Assert.Equal("gcp.gemini", connect.GetTagItem("gen_ai.provider.name"));
            Assert.Equal("generate_content", connect.GetTagItem("gen_ai.operation.name"));
        }, Patience);
    }

    [Fact]
    public void A_turn_over_a_real_socket_records_its_time_to_first_chunk_latency_and_duration_with_the_GenAI_tags()
    {
        using var records = new HistogramRecords("gen_ai.client.operation.duration", "gen_ai.client.operation.time_to_first_chunk", "live.turn.latency");
        var model = $"gemini-2.5-flash-{Guid.NewGuid():N}";
        var (session, events) = StartSession(Options with { Model = model });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("time me")));
        NextEvent<TurnCompleted>(events);

        var firstChunk = Assert.Single(records.Of("gen_ai.client.operation.time_to_first_chunk", model));
        var latency = Assert.Single(records.Of("live.turn.latency", model));
        var duration = Assert.Single(records.Of("gen_ai.client.operation.duration", model)); // recorded before the event went out
        Assert.InRange(firstChunk.Value, 0, duration.Value);
        Assert.Equal(firstChunk.Value, latency.Value);
        Assert.All(new[] { firstChunk, latency, duration }, r =>
        {
            Assert.Equal("gcp.gemini", r.Tags["gen_ai.provider.name"]);
            Assert.Equal("generate_content", r.Tags["gen_ai.operation.name"]);
        });
    }

    [Fact]
    public void No_prompt_text_or_audio_reaches_a_histogram_tag()
    {
        using var records = new HistogramRecords("gen_ai.client.operation.duration", "gen_ai.client.operation.time_to_first_chunk", "live.turn.latency");
        var model = $"gemini-2.5-flash-{Guid.NewGuid():N}";
        var (session, events) = StartSession(Options with { Model = model });
        NextEvent<Connected>(events);

        session.Tell(new Send(ClientContent.UserText("my secret prompt")));
        NextEvent<TurnCompleted>(events);

        var values = records.Of("gen_ai.client.operation.duration", model).Concat(records.Of("live.turn.latency", model)).SelectMany(r => r.Tags.Values);
        Assert.DoesNotContain(values, v => v?.ToString()?.Contains("secret", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void Duration_histograms_are_in_seconds_with_buckets_that_fit_them()
    {
        var connect = LiveTelemetry.ConnectDuration;
        var tokens = LiveTelemetry.TokenUsage;
        Histogram<double>[] operations = [LiveTelemetry.OperationDuration, LiveTelemetry.TimeToFirstChunk, LiveTelemetry.TurnLatency];

        Assert.Equal("s", connect.Unit);
        Assert.Equal(0.01, connect.Advice!.HistogramBucketBoundaries![0]); // OpenTelemetry's default first bucket ends at 5: every connect fell in it
        Assert.Equal(67108864, tokens.Advice!.HistogramBucketBoundaries![^1]);
        Assert.All(operations, h =>
        {
            Assert.Equal("s", h.Unit);
            Assert.InRange(h.Advice!.HistogramBucketBoundaries![0], 0.001, 0.01); // a loopback reply lands in a bucket of its own
        });
    }
}
