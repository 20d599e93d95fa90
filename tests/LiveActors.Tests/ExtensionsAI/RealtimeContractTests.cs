using LiveActors.Emulator.Faults;
using LiveActors.Errors;
using LiveActors.Extensions.AI;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;
using static LiveActors.Tests.ExtensionsAI.RealtimeStreams;

namespace LiveActors.Tests.ExtensionsAI;

/// <summary>
/// MEAI's realtime contract through the whole pipeline (function invocation, OpenTelemetry, logging) over drops, resumes
/// and give-ups: nothing throws out of the stream, errors come as error messages, each response ends once.
/// </summary>
public sealed class RealtimeContractTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private LiveConnectionOptions Resuming => Options with { SessionResumption = new SessionResumptionOptions { Enabled = true } };

    [Fact]
    public async Task A_drop_while_a_tool_runs_is_an_error_message_in_the_stream_and_the_conversation_goes_on()
    {
        var tool = new BlockingTool();
        using var client = Pipeline(Resuming);
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"], Tools = [tool.Function] });

        await AskAsync(session, "tool:get_weather {\"city\":\"Oslo\"}");
        var reading = NextAsync(session, m => m is ErrorRealtimeServerMessage { Error.ErrorCode: "tool_call_lost" }); // the tool runs inside this enumeration
        await tool.Running.WaitAsync(Patience);
        (await Emulator.WaitForConnectionAsync(1)).Drop();
        var live = session.GetService<ILiveConnection>()!;
        await AwaitAssertAsync(async () => Assert.Equal(2, (await live.GetStatusAsync()).Connections), Patience);
        tool.Finish();
        var lost = await reading; // before: the refused tool result threw LiveConnectionException out of the enumeration
        await AskAsync(session, "thanks");
        var next = await NextAsync(session, m => Text([m]).Contains("thanks", StringComparison.Ordinal));

        var error = Assert.IsType<ErrorRealtimeServerMessage>(lost[^1]);
        Assert.Equal("tool_call_lost", error.Error!.ErrorCode);
        Assert.Contains("you said \"thanks\"", Text(next), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_give_up_while_a_tool_runs_ends_the_stream_with_an_error_message_and_no_exception()
    {
        var tool = new BlockingTool();
        using var client = Pipeline(Resuming);
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"], Tools = [tool.Function] });
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(403, "API key not valid.")); // the reconnect is refused for good

        await AskAsync(session, "tool:get_weather {\"city\":\"Oslo\"}");
        var reading = RestAsync(session);
        await tool.Running.WaitAsync(Patience);
        (await Emulator.WaitForConnectionAsync(1)).Drop();
        var live = session.GetService<ILiveConnection>()!;
        await AwaitAssertAsync(async () => await Assert.ThrowsAsync<LiveConnectionException>(() => live.GetStatusAsync()), Patience); // it gave up
        tool.Finish();
        var all = await reading; // before: the result's send threw session_closed out of the enumeration

        var last = Assert.IsType<ErrorRealtimeServerMessage>(all[^1]);
        Assert.Equal("upgrade_failed", last.Error!.ErrorCode);
        Assert.Single(Dones(all)); // the tool call's response, ended once
    }

    [Theory]
    [InlineData(true, LiveRealtimeErrorCodes.ReplyAskedAgain)]
    [InlineData(false, LiveRealtimeErrorCodes.ReplyCut)]
    public async Task A_reply_cut_by_a_drop_ends_incomplete_once_with_a_code_that_says_whether_the_session_asked_again(bool askAgain, string code)
    {
        // A slow reply, dropped at the poke sent once its first chunk is here: the rest of the reply is still to come.
        Emulator.ScriptNextConnection(EmulatorFault.Delay(TimeSpan.FromMilliseconds(300)), EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2)));
        var options = Options with { SessionResumption = new SessionResumptionOptions { Enabled = true, AskAgainAfterCutReply = askAgain } };
        using var client = Pipeline(options);
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"] });

        await AskAsync(session, "hello");
        var started = await NextAsync(session, m => m.Type == RealtimeServerMessageType.OutputTextDelta);
        await session.SendAsync(new RealtimeClientMessage { RawRepresentation = Poke.Send.Message, MessageId = "poke" });
        var cut = started.Concat(await NextResponseAsync(session)).ToList();
        if (!askAgain)
        {
            await AskAsync(session, "again");
        }

        var next = await NextResponseAsync(session);

        var done = Dones(cut).Single();
        Assert.Equal(RealtimeResponseStatus.Incomplete, done.Status);
        Assert.Equal(code, done.Error!.ErrorCode);
        Assert.Equal(RealtimeResponseStatus.Completed, Dones(next).Single().Status);
        Assert.Contains(askAgain ? "you said \"hello\"" : "you said \"again\"", Text(next), StringComparison.Ordinal);
        Assert.NotEqual(ResponseId(cut[0]), ResponseId(next[0])); // the next response is a new one, its items too
        // Only what the drop left unproven (the poke, the cut turn): the session says so, and nothing else goes wrong.
        Assert.All(next.OfType<ErrorRealtimeServerMessage>(), e => Assert.Equal("delivery_uncertain", e.Error!.ErrorCode));
    }

    [Fact]
    public async Task An_interruption_ends_its_response_as_cancelled_at_once_and_what_is_left_of_that_turn_makes_no_second_outcome()
    {
        await using var server = new RawFrameServer();
        using var client = Pipeline(Options with { BaseAddress = server.BaseAddress });
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"] });

        await server.WriteAsync(
            Frame("""{"serverContent":{"modelTurn":{"parts":[{"text":"a"}]}}}"""),
            Frame("""{"serverContent":{"interrupted":true}}"""),
            Frame("""{"serverContent":{"outputTranscription":{"text":"the tail of a"}}}"""), // what was said before the barge-in, late
            Frame("""{"serverContent":{"turnComplete":true},"usageMetadata":{"promptTokenCount":3,"totalTokenCount":3}}"""),
            Frame("""{"serverContent":{"modelTurn":{"parts":[{"text":"b"}]}}}"""),
            Frame("""{"serverContent":{"turnComplete":true}}"""),
            Frame("""{"serverContent":{"interrupted":true}}"""), // a bare interrupted and turnComplete, as after a resume
            Frame("""{"serverContent":{"turnComplete":true}}"""),
            Frame("""{"serverContent":{"modelTurn":{"parts":[{"text":"c"}]}}}"""),
            Frame("""{"serverContent":{"turnComplete":true}}"""));
        var interrupted = await NextResponseAsync(session);
        var second = await NextResponseAsync(session);
        var third = await NextResponseAsync(session);

        Assert.Equal(RealtimeServerMessageType.ResponseDone, interrupted[^1].Type);
        Assert.Equal([RealtimeResponseStatus.Cancelled, RealtimeResponseStatus.Completed, RealtimeResponseStatus.Completed],
            Dones(interrupted.Concat(second).Concat(third)).Select(d => d.Status));
        Assert.Equal(["a", "b", "c"], new[] { Text(interrupted), Text(second), Text(third) });
        Assert.DoesNotContain(interrupted.Concat(second).Concat(third), m => m.Type == RealtimeServerMessageType.OutputAudioTranscriptionDelta);
        Assert.Null(Dones(second)[0].Usage); // the interrupted turn's usage is not the next response's
    }

    [Fact]
    public async Task Audio_deltas_hold_whole_samples_and_half_a_sample_of_an_ended_response_never_shifts_the_next()
    {
        await using var server = new RawFrameServer();
        using var client = Pipeline(Options with { BaseAddress = server.BaseAddress });
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["audio"] });

        await server.WriteAsync(
            Frame(Audio(1, 2, 3)),
            Frame(Audio(4, 5, 6)),
            Frame(Audio(7)),
            Frame("""{"serverContent":{"interrupted":true}}"""),
            Frame("""{"serverContent":{"turnComplete":true}}"""),
            Frame(Audio(8, 9)));
        var cancelled = await NextResponseAsync(session);
        var next = NextResponseAsync(session);
        await server.WriteAndResetAsync(Frame(Audio(10, 11, 12))); // a drop after half a sample
        var cut = await next;

        Assert.Equal([[1, 2], [3, 4, 5, 6]], Deltas(cancelled));
        Assert.Equal([[8, 9], [10, 11]], Deltas(cut));
        Assert.Equal(LiveRealtimeErrorCodes.ReplyCut, Dones(cut).Single().Error!.ErrorCode);
        Assert.Contains(cut, m => m.Type == RealtimeServerMessageType.OutputAudioDone);
    }

    private IRealtimeClient Pipeline(LiveConnectionOptions options) =>
        new LiveRealtimeClient(Sys, options).AsBuilder().UseFunctionInvocation().UseOpenTelemetry().UseLogging(new RecordingLoggerFactory()).Build();

    private static byte[] Frame(string json) => RawFrameServer.Frame(json);

    private static string Audio(params byte[] pcm) =>
        "{\"serverContent\":{\"modelTurn\":{\"parts\":[{\"inlineData\":{\"mimeType\":\"audio/pcm;rate=24000\",\"data\":\"" + Convert.ToBase64String(pcm) + "\"}}]}}}";

    private static List<byte[]> Deltas(IEnumerable<RealtimeServerMessage> messages) =>
        [.. messages.OfType<OutputTextAudioRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.OutputAudioDelta).Select(m => Convert.FromBase64String(m.Audio!))];

    /// <summary>get_weather, which runs until the test lets it finish.</summary>
    private sealed class BlockingTool
    {
        private readonly TaskCompletionSource _running = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finish = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public BlockingTool() => Function = AIFunctionFactory.Create(RunAsync, "get_weather");

        public AIFunction Function { get; }

        public Task Running => _running.Task;

        public void Finish() => _finish.TrySetResult();

        private async Task<string> RunAsync(string city)
        {
            _running.TrySetResult();
            await _finish.Task;
            return $"sunny in {city}";
        }
    }
}
