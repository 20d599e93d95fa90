using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Akka.Actor;
using LiveActors.Emulator.Faults;
using LiveActors.Extensions.AI;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Microsoft.Extensions.AI;
using Xunit.Abstractions;
using static LiveActors.Tests.ExtensionsAI.RealtimeStreams;

namespace LiveActors.Tests.ExtensionsAI;

/// <summary>LiveActors sessions through MEAI's IRealtimeClient, against the emulator over real sockets.</summary>
public sealed class RealtimeClientTests(ITestOutputHelper output) : SessionTestKit(output)
{
    private LiveConnectionOptions Resuming => Options with { SessionResumption = new SessionResumptionOptions { Enabled = true } };

    [Fact]
    public async Task A_text_turn_streams_as_a_response_with_deltas_the_whole_text_and_usage()
    {
        using var client = new LiveRealtimeClient(Sys, Options);
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"] });

        await AskAsync(session, "hello");
        var response = await NextResponseAsync(session);

        Assert.IsType<ResponseCreatedRealtimeServerMessage>(response[0]);
        Assert.Equal(RealtimeServerMessageType.ResponseCreated, response[0].Type);
        var deltas = response.OfType<OutputTextAudioRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.OutputTextDelta).ToList();
        Assert.Equal(3, deltas.Count); // the emulator's three chunks
        var whole = Assert.Single(response.OfType<OutputTextAudioRealtimeServerMessage>(), m => m.Type == RealtimeServerMessageType.OutputTextDone).Text;
        Assert.Equal("Turn 1: you said \"hello\"", whole);
        Assert.Equal(whole, string.Concat(deltas.Select(d => d.Text)));
        var done = Assert.IsType<ResponseCreatedRealtimeServerMessage>(response[^1]);
        Assert.Equal(RealtimeResponseStatus.Completed, done.Status);
        Assert.True(done.Usage?.InputTokenCount > 0 && done.Usage.OutputTokenCount > 0, "usageMetadata reaches ResponseDone");
        Assert.All(response, m => Assert.IsType<ServerMessage>(m.RawRepresentation)); // the Live API record behind each
        Assert.All(response, m => Assert.Equal(done.ResponseId, ResponseId(m)));
    }

    [Fact]
    public async Task The_MEAI_pipeline_answers_an_emulator_tool_call_with_an_AIFunction()
    {
        var cities = new ConcurrentQueue<string>();
        var weather = AIFunctionFactory.Create((string city) => { cities.Enqueue(city); return $"sunny in {city}"; }, "get_weather", "The weather in a city");
        var activities = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "meai-test",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var logs = new RecordingLoggerFactory();
        using var client = new LiveRealtimeClient(Sys, Options)
            .AsBuilder()
            .UseFunctionInvocation()
            .UseOpenTelemetry(sourceName: "meai-test")
            .UseLogging(logs)
            .Build();

        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"], Tools = [weather] });
        await AskAsync(session, "tool:get_weather {\"city\":\"Paris\"}");
        var asked = await NextResponseAsync(session);
        var answered = await NextResponseAsync(session);

        var call = Assert.IsType<FunctionCallContent>(Assert.Single(asked.OfType<ResponseOutputItemRealtimeServerMessage>(), m => m.Type == RealtimeServerMessageType.ResponseOutputItemDone).Item!.Contents.Single());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal(["Paris"], cities);
        Assert.Contains("get_weather returned {\"output\":\"sunny in Paris\"}", Text(answered));
        var connection = await Emulator.WaitForConnectionAsync(1);
        Assert.Equal(["get_weather"], connection.SessionTools); // the AIFunction was declared in the setup
        var toolResponse = Assert.Single(connection.Messages, m => m.Kind == "toolResponse");
        Assert.Contains("\"name\":\"get_weather\"", toolResponse.Json, StringComparison.Ordinal); // MEAI's result has only the id
        Assert.NotEmpty(activities); // OpenTelemetryRealtimeClient traced the responses
        Assert.NotEmpty(logs.Lines); // LoggingRealtimeClient logged through the pipeline
    }

    [Fact]
    public async Task A_drop_during_a_conversation_with_tool_calls_is_never_seen_by_the_MEAI_user()
    {
        var weather = AIFunctionFactory.Create((string city) => $"sunny in {city}", "get_weather");
        using var client = new LiveRealtimeClient(Sys, Resuming).AsBuilder().UseFunctionInvocation().Build();
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"], Tools = [weather] });

        await AskAsync(session, "tool:get_weather {\"city\":\"Oslo\"}");
        var first = (await NextResponseAsync(session)).Concat(await NextResponseAsync(session)).ToList();
        var live = session.GetService<ILiveConnection>()!;
        await AwaitAssertAsync(async () => Assert.Equal(0, (await live.GetStatusAsync()).UnconfirmedMessages), Patience); // a handle covers it all
        (await Emulator.WaitForConnectionAsync(1)).Drop(); // idle, as a phone's network drops between two questions
        await AwaitAssertAsync(async () => Assert.Equal(2, (await live.GetStatusAsync()).Connections), Patience);
        await AskAsync(session, "and tomorrow?");
        var second = await NextResponseAsync(session);

        Assert.Contains("get_weather returned {\"output\":\"sunny in Oslo\"}", Text(first));
        Assert.Equal("Turn 2: you said \"and tomorrow?\"", Text(second)); // the same conversation, resumed: its second turn
        Assert.DoesNotContain(first.Concat(second), m => m is ErrorRealtimeServerMessage);
        Assert.All(first.Concat(second).OfType<ResponseCreatedRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.ResponseDone),
            done => Assert.Equal(RealtimeResponseStatus.Completed, done.Status));
        Assert.Equal(2, Emulator.Connections.Count); // there was a drop, and a resumed connection
    }

    [Fact]
    public async Task A_drop_as_the_tool_result_reaches_the_server_is_an_uncertain_delivery_never_a_lost_call_and_the_session_goes_on()
    {
        Emulator.ScriptNextConnection(EmulatorFault.Drop(FaultTrigger.AfterClientMessages(2))); // as the tool result (after the question) arrives
        var weather = AIFunctionFactory.Create((string city) => $"sunny in {city}", "get_weather");
        using var client = new LiveRealtimeClient(Sys, Resuming).AsBuilder().UseFunctionInvocation().Build();
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { OutputModalities = ["text"], Tools = [weather] });

        await AskAsync(session, "tool:get_weather {\"city\":\"Oslo\"}");
        await NextResponseAsync(session); // the call, which the function answers
        var uncertain = await NextAsync(session, m => m is ErrorRealtimeServerMessage { Error.ErrorCode: "delivery_uncertain" });
        await AskAsync(session, "thanks");
        var next = await NextResponseAsync(session);

        // The server has the result (it arrived as the connection dropped), so the MEAI user hears it may have arrived, never
        // that the call was lost: that would invite a second answer to a call already answered.
        Assert.DoesNotContain(uncertain.Concat(next), m => m is ErrorRealtimeServerMessage { Error.ErrorCode: "tool_call_lost" });
        Assert.Contains("you said \"thanks\"", Text(next)); // and the conversation goes on
        Assert.Equal(2, Emulator.Connections.Count);
    }

    [Fact]
    public async Task Audio_appended_and_committed_without_server_detection_is_one_activity_and_its_answer_is_audio_with_transcripts()
    {
        using var client = new LiveRealtimeClient(Sys, Options);
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions
        {
            VoiceActivityDetection = new VoiceActivityDetectionOptions { Enabled = false },
            TranscriptionOptions = new TranscriptionOptions(),
        });

        var pcm = new byte[3200]; // 100 ms at 16 kHz
        await session.SendAsync(new InputAudioBufferAppendRealtimeClientMessage(new DataContent(pcm, "audio/pcm")));
        await session.SendAsync(new InputAudioBufferAppendRealtimeClientMessage(new DataContent(pcm, "audio/pcm")));
        await session.SendAsync(new InputAudioBufferCommitRealtimeClientMessage());
        var response = await NextResponseAsync(session);

        var sent = (await Emulator.WaitForConnectionAsync(1)).Messages.Where(m => m.Kind == "realtimeInput").Select(m => m.Json).ToList();
        Assert.Equal(4, sent.Count);
        Assert.Contains("activityStart", sent[0], StringComparison.Ordinal);
        Assert.Contains("audio/pcm;rate=16000", sent[1], StringComparison.Ordinal);
        Assert.Contains("activityEnd", sent[3], StringComparison.Ordinal);
        var heard = Assert.Single(response.OfType<InputAudioTranscriptionRealtimeServerMessage>(), m => m.Type == RealtimeServerMessageType.InputAudioTranscriptionCompleted);
        Assert.Equal("200 ms of audio", heard.Transcription);
        var audio = response.OfType<OutputTextAudioRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.OutputAudioDelta).Sum(m => Convert.FromBase64String(m.Audio!).Length);
        Assert.Equal(200 * 48, audio); // 200 ms at 24 kHz, 16-bit
        Assert.Contains(response, m => m.Type == RealtimeServerMessageType.OutputAudioDone);
        Assert.Equal("Turn 1: I heard 200 ms of audio.", Assert.Single(response.OfType<OutputTextAudioRealtimeServerMessage>(), m => m.Type == RealtimeServerMessageType.OutputAudioTranscriptionDone).Text);
        Assert.Equal(SessionSetup.OutputSampleRate, session.Options!.OutputAudioFormat!.SampleRate);
    }

    [Fact]
    public async Task Session_options_become_the_setup_and_what_MEAI_has_no_message_for_is_reachable_through_GetService()
    {
        using var client = new LiveRealtimeClient(Sys, Options);
        await using var session = await client.CreateSessionAsync(new RealtimeSessionOptions { Instructions = "Be brief.", OutputModalities = ["text"] });

        var connection = await Emulator.WaitForConnectionAsync(1);
        Assert.Equal("Be brief.", connection.SessionInstruction);
        var live = Assert.IsType<LiveConnection>(session.GetService<ILiveConnection>());
        Assert.Equal(live.Session, session.GetService<IActorRef>());
        Assert.Equal(Live.ConnectionStatus.Connected, (await live.GetStatusAsync()).Status);
        var metadata = session.GetService<ChatClientMetadata>()!;
        Assert.Equal("gcp.gemini", metadata.ProviderName);
        Assert.Equal("gemini-2.5-flash", metadata.DefaultModelId);
        Assert.Same(client, client.GetService<LiveRealtimeClient>());
    }

    [Fact]
    public async Task A_session_that_cannot_connect_fails_its_creation_with_the_error_it_gave_up_with()
    {
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(403, "API key not valid."));
        using var client = new LiveRealtimeClient(Sys, Options);

        var failed = await Assert.ThrowsAsync<LiveActors.Errors.LiveConnectionException>(() => client.CreateSessionAsync());

        Assert.Equal("upgrade_failed", failed.Error.Code); // a 403 is not retried: the creation fails at once
    }

    [Fact]
    public async Task A_message_with_no_Live_API_counterpart_is_refused_by_name()
    {
        using var client = new LiveRealtimeClient(Sys, Options);
        await using var session = await client.CreateSessionAsync();

        var refused = await Assert.ThrowsAsync<NotSupportedException>(() => session.SendAsync(new RealtimeClientMessage()));

        Assert.Contains(nameof(RealtimeClientMessage), refused.Message, StringComparison.Ordinal);
    }
}
