using System.Text.Json;
using LiveActors.Errors;
using LiveActors.Extensions.AI;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;
using static LiveActors.Live;

namespace LiveActors.Tests.ExtensionsAI;

/// <summary>The adapter's pure parts: MEAI options as a setup, client messages as Live API messages, and events as MEAI messages.</summary>
public sealed class TranslationTests
{
    private static readonly LiveConnectionOptions Connection = new() { ApiKey = "k", Model = "gemini-2.5-flash" };

    [Fact]
    public void Session_options_are_laid_over_the_setup_the_connection_already_has()
    {
        var weather = AIFunctionFactory.Create((string city) => city, "get_weather", "The weather");
        var connection = Connection with { Setup = new Setup { GenerationConfig = new GenerationConfig { Temperature = 0.2 } } };

        var options = SessionSetup.Apply(connection, new RealtimeSessionOptions
        {
            Model = "gemini-3.8-live",
            Instructions = "Be brief.",
            OutputModalities = ["audio"],
            Voice = "Kore",
            MaxOutputTokens = 100,
            Tools = [weather, new HostedWebSearchTool()],
            VoiceActivityDetection = new VoiceActivityDetectionOptions { Enabled = true, AllowInterruption = false },
            TranscriptionOptions = new TranscriptionOptions { SpeechLanguage = "en" },
        });

        var setup = options.Setup!;
        Assert.Equal("gemini-3.8-live", options.Model);
        Assert.Equal(0.2, setup.GenerationConfig!.Temperature); // kept
        Assert.Equal([Modalities.Audio], setup.GenerationConfig.ResponseModalities);
        Assert.Equal(100, setup.GenerationConfig.MaxOutputTokens);
        Assert.Equal("Kore", setup.GenerationConfig.SpeechConfig!.VoiceConfig!.PrebuiltVoiceConfig!.VoiceName);
        Assert.Equal("Be brief.", setup.SystemInstruction!.Parts![0].Text);
        var function = Assert.Single(setup.Tools![0].FunctionDeclarations!);
        Assert.Equal("get_weather", function.Name);
        Assert.Equal("object", function.Parameters!.Value.GetProperty("type").GetString());
        Assert.NotNull(setup.Tools[1].GoogleSearch);
        Assert.Equal("NO_INTERRUPTION", setup.RealtimeInputConfig!.ActivityHandling);
        Assert.Null(setup.RealtimeInputConfig.AutomaticActivityDetection!.Disabled);
        Assert.Equal(["en"], setup.InputAudioTranscription!.LanguageCodes);
        Assert.NotNull(setup.OutputAudioTranscription); // audio replies come with their transcript
    }

    [Fact]
    public void What_the_Live_API_cannot_do_is_refused_by_name()
    {
        var transcription = Assert.Throws<NotSupportedException>(() => SessionSetup.Apply(Connection, new RealtimeSessionOptions { SessionKind = RealtimeSessionKind.Transcription }));
        var tool = Assert.Throws<NotSupportedException>(() => SessionSetup.Apply(Connection, new RealtimeSessionOptions { Tools = [new HostedFileSearchTool()] }));

        Assert.Contains("Transcription", transcription.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(HostedFileSearchTool), tool.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_wait_for_their_response_then_go_as_one_turn_and_tool_results_as_one_tool_response_naming_the_function()
    {
        var calls = new ToolCallNames();
        calls.Called("c1", "get_weather");
        calls.Called("c2", "get_time");
        var translator = new ClientTranslator(detectsActivity: true, 16_000, calls);
        var sent = new List<ClientMessage>();

        translator.Translate(Item(new FunctionResultContent("c1", "sunny")), sent);
        translator.Translate(Item(new FunctionResultContent("c2", JsonDocument.Parse("""{"hour":9}""").RootElement)), sent);
        translator.Translate(Item(new TextContent("and then?")), sent);
        Assert.Empty(sent);
        translator.Translate(new CreateResponseRealtimeClientMessage(), sent);

        var tools = Assert.IsType<ToolResponse>(sent[0]);
        Assert.Equal(["get_weather", "get_time"], tools.FunctionResponses!.Select(r => r.Name));
        Assert.Equal("""{"output":"sunny"}""", tools.FunctionResponses![0].Response!.Value.GetRawText()); // a value goes as output
        Assert.Equal("""{"hour":9}""", tools.FunctionResponses[1].Response!.Value.GetRawText()); // an object is the response
        var turn = Assert.IsType<ClientContent>(sent[1]);
        Assert.True(turn.TurnComplete);
        Assert.Equal("and then?", turn.Turns!.Single().Parts!.Single().Text);
    }

    [Fact]
    public void A_failed_function_goes_as_an_error_response()
    {
        var response = ToolResults.ToFunctionResponse(new FunctionResultContent("c1", null) { Exception = new InvalidOperationException("no network") }, "get_weather");

        Assert.Equal("""{"error":"no network"}""", response.Response!.Value.GetRawText());
    }

    [Fact]
    public void Without_server_detection_audio_opens_an_activity_and_commit_closes_it_with_it_the_stream_ends()
    {
        var manual = new ClientTranslator(detectsActivity: false, 16_000, new ToolCallNames());
        var automatic = new ClientTranslator(detectsActivity: true, 24_000, new ToolCallNames());
        var sentManually = new List<ClientMessage>();
        var sentAutomatically = new List<ClientMessage>();

        foreach (var message in new RealtimeClientMessage[] { Audio("audio/pcm"), Audio("audio/pcm;rate=8000"), new InputAudioBufferCommitRealtimeClientMessage() })
        {
            manual.Translate(message, sentManually);
            automatic.Translate(message, sentAutomatically);
        }

        Assert.Equal([true, false, false, false], sentManually.Select(m => m is RealtimeInput { ActivityStart: not null }));
        Assert.NotNull(Assert.IsType<RealtimeInput>(sentManually[^1]).ActivityEnd);
        Assert.Equal("audio/pcm;rate=16000", ((RealtimeInput)sentManually[1]).Audio!.MimeType); // the session's rate when the content names none
        Assert.Equal("audio/pcm;rate=8000", ((RealtimeInput)sentManually[2]).Audio!.MimeType);
        Assert.Equal(3, sentAutomatically.Count);
        Assert.True(((RealtimeInput)sentAutomatically[^1]).AudioStreamEnd);
        Assert.Equal("audio/pcm;rate=24000", ((RealtimeInput)sentAutomatically[0]).Audio!.MimeType);
    }

    [Fact]
    public void A_tool_call_ends_its_response_with_the_call_as_an_output_item_and_the_next_chunk_starts_another()
    {
        var calls = new ToolCallNames();
        var translator = new ServerTranslator(calls, new SentMessageIds());
        var call = new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c1", Name = "get_weather", Args = JsonDocument.Parse("""{"city":"Oslo"}""").RootElement }] } };
        var messages = new List<RealtimeServerMessage>();

        translator.Translate(new ToolCallReceived(call, call.ToolCall!), messages);
        translator.Translate(Text("sunny"), messages);

        Assert.Equal([RealtimeServerMessageType.ResponseCreated, RealtimeServerMessageType.ResponseOutputItemAdded, RealtimeServerMessageType.ResponseOutputItemDone,
            RealtimeServerMessageType.ResponseDone, RealtimeServerMessageType.ResponseCreated, RealtimeServerMessageType.OutputTextDelta], messages.Select(m => m.Type));
        var function = Assert.IsType<FunctionCallContent>(((ResponseOutputItemRealtimeServerMessage)messages[2]).Item!.Contents.Single());
        Assert.Equal("Oslo", ((JsonElement)function.Arguments!["city"]!).GetString());
        Assert.Equal("get_weather", calls.NameOf("c1"));
        Assert.NotEqual(((ResponseCreatedRealtimeServerMessage)messages[0]).ResponseId, ((ResponseCreatedRealtimeServerMessage)messages[4]).ResponseId);
    }

    [Fact]
    public void An_interrupted_reply_ends_cancelled_a_cut_one_incomplete_and_a_failed_send_names_its_message()
    {
        var ids = new SentMessageIds();
        ids.Sent(7, "my-message");
        var translator = new ServerTranslator(new ToolCallNames(), ids);
        var messages = new List<RealtimeServerMessage>();
        var interrupted = new ServerMessage { ServerContent = new ServerContent { Interrupted = true } };
        var complete = new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } };

        translator.Translate(Text("one"), messages);
        translator.Translate(new Interrupted(interrupted), messages);
        translator.Translate(new InteractionCompleted(complete), messages);
        translator.Translate(Text("two"), messages);
        translator.Translate(new ReplyCut(3, null, new ConnectionError.ConnectionFailed("lost")) { AskedAgain = true }, messages);
        translator.Translate(new SendFailed(7, new ConnectionError.DeliveryUncertain(new ConnectionError.ConnectionFailed("lost"))), messages);

        var done = messages.OfType<ResponseCreatedRealtimeServerMessage>().Where(m => m.Type == RealtimeServerMessageType.ResponseDone).ToList();
        Assert.Equal([RealtimeResponseStatus.Cancelled, RealtimeResponseStatus.Incomplete], done.Select(d => d.Status));
        Assert.Equal(LiveRealtimeErrorCodes.ReplyAskedAgain, done[1].Error!.ErrorCode); // the next response is the whole reply
        Assert.Equal("connection_failed", done[1].Error!.Details); // what cut it
        var failed = Assert.IsType<ErrorRealtimeServerMessage>(messages[^1]);
        Assert.Equal("my-message", failed.OriginatingMessageId);
        Assert.Equal("delivery_uncertain", failed.Error!.ErrorCode);
    }

    [Fact]
    public void A_tool_call_right_after_an_interruption_belongs_to_the_next_reply_whose_transcription_is_heard()
    {
        var translator = new ServerTranslator(new ToolCallNames(), new SentMessageIds());
        var messages = new List<RealtimeServerMessage>();
        var call = new ServerMessage { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = "c1", Name = "get_weather" }] } };
        var said = new ServerMessage { ServerContent = new ServerContent { OutputTranscription = new Transcription { Text = "let me check" } } };

        translator.Translate(Text("one"), messages);
        translator.Translate(new Interrupted(new ServerMessage { ServerContent = new ServerContent { Interrupted = true } }), messages);
        translator.Translate(new ToolCallReceived(call, call.ToolCall!), messages); // the next reply, with no turnComplete between
        translator.Translate(new TranscriptionReceived(said, TranscriptionSource.Output, said.ServerContent.OutputTranscription!), messages);

        Assert.Contains(messages, m => m is OutputTextAudioRealtimeServerMessage { Text: "let me check" } && m.Type == RealtimeServerMessageType.OutputAudioTranscriptionDelta);
    }

    private static CreateConversationItemRealtimeClientMessage Item(AIContent content) => new(new RealtimeConversationItem([content], role: ChatRole.User));

    private static InputAudioBufferAppendRealtimeClientMessage Audio(string mediaType) => new(new DataContent(new byte[320], mediaType));

    private static ModelTurnReceived Text(string text)
    {
        var turn = Content.FromText(text, Roles.Model);
        return new ModelTurnReceived(new ServerMessage { ServerContent = new ServerContent { ModelTurn = turn } }, turn);
    }
}
