using System.Diagnostics;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using LiveActors.Tests.Support;

namespace LiveActors.Tests.Telemetry;

/// <summary>The reply timing maths, on timestamps given by the test: which message a reply is timed from, and what each histogram gets.</summary>
public sealed class TurnTimingTests : IDisposable
{
    private const string Duration = "gen_ai.client.operation.duration";
    private const string FirstChunk = "gen_ai.client.operation.time_to_first_chunk";
    private const string Latency = "live.turn.latency";

    private static readonly ServerMessage Chunk = new() { ServerContent = new ServerContent { ModelTurn = Content.FromText("model", "hi") } };
    private static readonly ServerMessage TurnComplete = new() { ServerContent = new ServerContent { TurnComplete = true } };
    private static readonly ServerMessage ToolCall = new() { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c1", Name = "lookup" }] } };
    private static readonly ServerMessage EndOfSpeech = new() { VoiceActivity = new VoiceActivity { Type = "ACTIVITY_END" } };
    private static readonly RealtimeInput AudioChunk = RealtimeInput.Pcm(new byte[320]);

    private readonly string _model = $"timing-{Guid.NewGuid():N}";
    private readonly HistogramRecords _records = new(Duration, FirstChunk, Latency);
    private readonly TurnTiming _timing;

    public TurnTimingTests() => _timing = new TurnTiming([new("gen_ai.request.model", _model)]);

    public void Dispose() => _records.Dispose();

    [Fact]
    public void A_text_turn_is_timed_from_its_send_to_the_first_chunk_and_to_turn_complete()
    {
        _timing.Handed(ClientContent.UserText("hello"), At(1.0));
        _timing.ServerSent(Chunk, endsInteraction: false, At(1.25));
        _timing.ServerSent(Chunk, endsInteraction: false, At(1.5));
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(2.0));

        Assert.Equal(0.25, Single(FirstChunk), 6);
        Assert.Equal(0.25, Single(Latency), 6);
        Assert.Equal(1.0, Single(Duration), 6);
        Assert.DoesNotContain("error.type", _records.Of(Duration, _model)[0].Tags.Keys);
    }

    [Fact]
    public void Turns_sent_together_are_each_timed_from_their_own_send()
    {
        _timing.Handed(ClientContent.UserText("one"), At(1.0));
        _timing.Handed(ClientContent.UserText("two"), At(1.1));
        _timing.ServerSent(Chunk, endsInteraction: false, At(1.5));
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(1.6));
        _timing.ServerSent(Chunk, endsInteraction: false, At(1.9));
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(2.1));

        Assert.Equal([0.5, 0.8], Values(FirstChunk), new Near());
        Assert.Equal([0.6, 1.0], Values(Duration), new Near());
    }

    [Fact]
    public void A_tool_answer_belongs_to_the_reply_that_asked_for_it()
    {
        _timing.Handed(ClientContent.UserText("look it up"), At(1.0));
        _timing.ServerSent(ToolCall, endsInteraction: false, At(1.2));
        _timing.Handed(new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "c1", Name = "lookup" }] }, At(1.4));
        _timing.ServerSent(Chunk, endsInteraction: false, At(1.6));
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(2.0));
        _timing.Handed(ClientContent.UserText("thanks"), At(3.0));
        _timing.ServerSent(Chunk, endsInteraction: false, At(3.5));

        Assert.Equal([0.2, 0.5], Values(FirstChunk), new Near()); // the second reply from "thanks", not from the tool answer
        Assert.Equal(1.0, Single(Duration), 6);
    }

    [Fact]
    public void Streamed_audio_is_timed_only_from_the_servers_end_of_speech()
    {
        _timing.Handed(AudioChunk, At(1.0));
        _timing.Handed(AudioChunk, At(1.1));
        _timing.ServerSent(EndOfSpeech, endsInteraction: false, At(2.0));
        _timing.Handed(AudioChunk, At(2.1));
        _timing.ServerSent(Chunk, endsInteraction: false, At(2.3));
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(3.0));

        Assert.Empty(Values(FirstChunk)); // no client message asked: a time from some chunk would be wrong
        Assert.Equal(0.3, Single(Latency), 6);
        Assert.Equal(1.0, Single(Duration), 6);
    }

    [Fact]
    public void Audio_with_no_speech_signal_records_nothing()
    {
        _timing.Handed(AudioChunk, At(1.0));
        _timing.ServerSent(Chunk, endsInteraction: false, At(2.3));
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(3.0));

        Assert.Empty(Values(FirstChunk));
        Assert.Empty(Values(Latency));
        Assert.Empty(Values(Duration));
    }

    [Fact]
    public void A_reply_the_connection_cut_ends_with_error_type_reply_cut_and_nothing_carries_over()
    {
        _timing.Handed(ClientContent.UserText("one"), At(1.0));
        _timing.Handed(ClientContent.UserText("two"), At(1.1));
        _timing.ServerSent(Chunk, endsInteraction: false, At(1.5));
        _timing.ConnectionEnded(At(1.7));
        _timing.ServerSent(Chunk, endsInteraction: false, At(5.0)); // "two" was on the old connection: not this reply's request
        _timing.ServerSent(TurnComplete, endsInteraction: true, At(5.5));

        var cut = Assert.Single(_records.Of(Duration, _model));
        Assert.Equal(0.7, cut.Value, 6);
        Assert.Equal("reply_cut", cut.Tags["error.type"]);
        Assert.Equal(0.5, Single(FirstChunk), 6);
    }

    private static long At(double seconds) => (long)(seconds * Stopwatch.Frequency);

    private double Single(string histogram) => Assert.Single(_records.Of(histogram, _model)).Value;

    private double[] Values(string histogram) => [.. _records.Of(histogram, _model).Select(r => r.Value)];

    private sealed class Near : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-6;

        public int GetHashCode(double obj) => 0;
    }
}
