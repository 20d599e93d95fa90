using LiveActors.Errors;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Protocol;

public sealed class ServerParsingTests
{
    private static ServerMessage ParseSample(string name)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Sample(Path.Combine("server", name)));
        Assert.True(ServerMessageParser.TryParse(bytes, out var message, out var error), $"{name}: {error}");
        return message;
    }

    [Fact]
    public void Every_server_sample_parses_to_a_message_with_at_least_one_kind()
    {
        var files = Directory.GetFiles(RepositoryPaths.Sample("server"), "*.json");
        Assert.True(files.Length >= 20);
        Assert.All(files, file => Assert.NotEqual(ServerMessageKinds.None, ParseSample(Path.GetFileName(file)).Kinds));
    }

    [Fact]
    public void Setup_complete_parses_on_both_backends()
    {
        Assert.Equal(ServerMessageKinds.SetupComplete, ParseSample("setup-complete.json").Kinds);
        Assert.Equal("9f5a799e-f8b3-4ba4-978b-714a89f1fd02", ParseSample("setup-complete-vertex.json").SetupComplete!.SessionId);
    }

    [Fact]
    public void Pretty_printed_text_chunk_parses()
    {
        var part = Assert.Single(ParseSample("text-chunk-pretty.json").ServerContent!.ModelTurn!.Parts!);
        Assert.Equal("Yes, I'm here! How can I help you today?", part.Text);
    }

    [Fact]
    public void Audio_is_decoded_from_base64_and_its_rate_is_read()
    {
        var blob = Assert.Single(ParseSample("audio-chunk.json").ServerContent!.ModelTurn!.Parts!).InlineData!;
        Assert.Equal(Convert.FromBase64String("AAABAAIAAwAEAAUABgAHAAgACQ=="), blob.Data.ToArray());
        Assert.Equal(24_000, MimeTypes.PcmSampleRate(blob.MimeType));

        var vertex = Assert.Single(ParseSample("audio-chunk-vertex.json").ServerContent!.ModelTurn!.Parts!).InlineData!;
        Assert.Equal("audio/pcm", vertex.MimeType);
        Assert.Equal(24_000, MimeTypes.PcmSampleRate(vertex.MimeType));
        Assert.Equal(8, vertex.Data.Length);
    }

    [Theory]
    [InlineData("AAEC//4=")] // as the service writes it
    [InlineData(@"AAEC\/\/4=")] // JSON may escape the slash
    [InlineData(@"\u0041AEC//4=")] // or any character
    public void Audio_is_decoded_exactly_whether_or_not_its_base64_is_escaped(string encoded)
    {
        var frame = """{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"mimeType":"audio/pcm;rate=24000","data":""" + $"\"{encoded}\"" + "}}]}}}";

        Assert.True(ServerMessageParser.TryParse(System.Text.Encoding.UTF8.GetBytes(frame), out var message, out var error), error?.Detail);

        var data = Assert.Single(message.ServerContent!.ModelTurn!.Parts!).InlineData!.Data;
        Assert.Equal(new byte[] { 0, 1, 2, 255, 254 }, data.ToArray());
    }

    [Fact]
    public void Thoughts_code_and_results_are_distinct_parts()
    {
        var parts = ParseSample("thought-and-code.json").ServerContent!.ModelTurn!.Parts!;
        Assert.Equal(3, parts.Count);
        Assert.True(parts[0].Thought);
        Assert.Equal("PYTHON", parts[1].ExecutableCode!.Language);
        Assert.Equal("OUTCOME_OK", parts[2].CodeExecutionResult!.Outcome);
        Assert.Equal("17C, cloudy\n", parts[2].CodeExecutionResult!.Output);
    }

    [Fact]
    public void Turn_markers_and_transcriptions_parse()
    {
        Assert.True(ParseSample("generation-complete.json").ServerContent!.GenerationComplete);
        Assert.True(ParseSample("interrupted.json").ServerContent!.Interrupted);
        Assert.True(ParseSample("waiting-for-input.json").ServerContent!.WaitingForInput);
        Assert.Equal("NEED_MORE_INPUT", ParseSample("turn-complete-reason.json").ServerContent!.TurnCompleteReason);
        Assert.Equal("We", ParseSample("output-transcription.json").ServerContent!.OutputTranscription!.Text);
        var input = ParseSample("input-transcription-finished.json").ServerContent!.InputTranscription!;
        Assert.Equal(("what is the weather", true), (input.Text, input.Finished));
        var empty = ParseSample("empty-transcription.json").ServerContent!.InputTranscription!;
        Assert.Null(empty.Text);
    }

    [Fact]
    public void Two_kinds_in_one_frame_both_surface()
    {
        var message = ParseSample("turn-complete-with-usage.json");
        Assert.Equal(ServerMessageKinds.ServerContent | ServerMessageKinds.UsageMetadata, message.Kinds);
        Assert.True(message.ServerContent!.TurnComplete);
        Assert.Equal((515, 38, 553), (message.UsageMetadata!.PromptTokenCount, message.UsageMetadata.OutputTokenCount, message.UsageMetadata.TotalTokenCount));
        Assert.Equal("TEXT", Assert.Single(message.UsageMetadata.OutputTokensDetails!).Modality);
    }

    [Fact]
    public void Vertex_usage_names_are_read()
    {
        var usage = ParseSample("usage-alone-vertex.json").UsageMetadata!;
        Assert.Equal(40, usage.OutputTokenCount);
        Assert.Equal("AUDIO", Assert.Single(usage.OutputTokensDetails!).Modality);
        Assert.Equal("ON_DEMAND", usage.TrafficType);
    }

    [Fact]
    public void Tool_calls_and_cancellations_parse()
    {
        var call = Assert.Single(ParseSample("tool-call.json").ToolCall!.FunctionCalls!);
        Assert.Equal(("function-call-5831923424298605773", "get_current_weather"), (call.Id, call.Name));
        Assert.Equal("Redmond, WA", call.Args!.Value.GetProperty("location").GetString());
        var two = ParseSample("tool-call-two.json").ToolCall!.FunctionCalls!;
        Assert.Equal(["fc-1", "fc-2"], two.Select(c => c.Id));
        Assert.Equal(7, two[1].Args!.Value.GetProperty("level").GetInt32());
        Assert.Equal(["function-call-5831923424298605773"], ParseSample("tool-call-cancellation.json").ToolCallCancellation!.Ids!);
    }

    [Fact]
    public void GoAway_time_left_becomes_a_TimeSpan()
    {
        Assert.Equal(TimeSpan.FromSeconds(50), ParseSample("go-away.json").GoAway!.TimeLeft);
        Assert.Equal(TimeSpan.FromTicks(5_000), ParseSample("go-away-fractional.json").GoAway!.TimeLeft);
    }

    [Fact]
    public void Resumption_updates_parse_with_int64_as_string_or_number()
    {
        var update = ParseSample("resumption-update.json").SessionResumptionUpdate!;
        Assert.Equal(("CjwKB3Nlc3Npb24SMQ", true), (update.NewHandle, update.Resumable));
        Assert.Equal(1234, ParseSample("resumption-index-string.json").SessionResumptionUpdate!.LastConsumedClientMessageIndex);
        Assert.Equal(1234, ParseSample("resumption-index-number.json").SessionResumptionUpdate!.LastConsumedClientMessageIndex);
        var notResumable = ParseSample("resumption-not-resumable.json").SessionResumptionUpdate!;
        Assert.Equal((null, false), (notResumable.NewHandle, notResumable.Resumable));
    }

    [Fact]
    public void Resumption_handles_never_appear_in_ToString()
    {
        var message = ParseSample("resumption-update.json");
        Assert.DoesNotContain("CjwKB3Nlc3Npb24SMQ", message.ToString(), StringComparison.Ordinal);
        Assert.Contains(HandleFingerprint.Of("CjwKB3Nlc3Npb24SMQ"), message.ToString(), StringComparison.Ordinal);
        var setup = new Setup { SessionResumption = new SessionResumptionConfig { Handle = "CjwKB3Nlc3Npb24SMQ" } };
        Assert.DoesNotContain("CjwKB3Nlc3Npb24SMQ", setup.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Voice_activity_parses_under_either_field_name()
    {
        var activity = ParseSample("voice-activity.json").VoiceActivity!;
        Assert.Equal("ACTIVITY_START", activity.ActivityType);
        Assert.Equal(TimeSpan.FromMilliseconds(1200), activity.AudioOffset);
        Assert.True(ServerMessageParser.TryParse("""{"voiceActivity":{"voiceActivityType":"ACTIVITY_END"}}"""u8, out var alias, out _));
        Assert.Equal("ACTIVITY_END", alias.VoiceActivity!.ActivityType);
        Assert.Equal("VAD_SIGNAL_TYPE_SOS", ParseSample("voice-activity-detection-signal.json").VoiceActivityDetectionSignal!.VadSignalType);
    }

    [Fact]
    public void Unknown_fields_are_kept_beside_known_content()
    {
        var message = ParseSample("unknown-fields.json");
        Assert.Equal(ServerMessageKinds.ServerContent | ServerMessageKinds.Unknown, message.Kinds);
        Assert.Equal("hi", Assert.Single(message.ServerContent!.ModelTurn!.Parts!).Text);
        Assert.Equal(42, message.ServerContent.AdditionalProperties!["futureNestedField"].GetInt32());
        Assert.Equal(1, message.AdditionalProperties!["fakeFutureServerField"].GetProperty("a").GetInt32());
    }

    [Fact]
    public void A_frame_of_an_unknown_kind_is_an_unknown_message()
    {
        var message = ParseSample("unknown-kind-only.json");
        Assert.Equal(ServerMessageKinds.Unknown, message.Kinds);
        Assert.True(message.AdditionalProperties!["brandNewServerMessage"].GetProperty("x").GetBoolean());
    }

    [Fact]
    public void An_error_object_surfaces_as_a_typed_server_error()
    {
        var error = ParseSample("error-object.json").Error!.ToError();
        Assert.Equal((429, "RESOURCE_EXHAUSTED"), (error.HttpCode, error.Status));
        Assert.False(error.IsRetryable);
        Assert.Contains("Resource has been exhausted", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsed_messages_do_not_depend_on_the_frame_buffer()
    {
        var buffer = File.ReadAllBytes(RepositoryPaths.Sample("server/tool-call.json"));
        Assert.True(ServerMessageParser.TryParse(buffer, out var message, out _));
        Array.Clear(buffer);
        Assert.Equal("Redmond, WA", message.ToolCall!.FunctionCalls![0].Args!.Value.GetProperty("location").GetString());
    }

    [Theory]
    [InlineData("array-not-object.json", "not a JSON object")]
    [InlineData("deep-nesting.json", "not valid Live API JSON")]
    [InlineData("empty.txt", "empty")]
    [InlineData("invalid-utf8.bin", "UTF-8")]
    [InlineData("not-json.txt", "not a JSON object")]
    [InlineData("truncated.json", "not valid Live API JSON")]
    public void Malformed_frames_become_protocol_errors(string sample, string reason)
    {
        var bytes = File.ReadAllBytes(RepositoryPaths.Sample(Path.Combine("malformed", sample)));
        Assert.False(ServerMessageParser.TryParse(bytes, out var message, out var error));
        Assert.Null(message);
        Assert.Contains(reason, error.Detail, StringComparison.Ordinal);
        Assert.False(error.IsRetryable);
        Assert.IsType<ProtocolError>(Assert.Throws<LiveConnectionException>(() => ServerMessageParser.Parse(bytes)).Error);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("   ")]
    [InlineData("{\"setupComplete\":{}} trailing")]
    public void Other_bad_frames_are_protocol_errors_too(string frame)
    {
        Assert.False(ServerMessageParser.TryParse(System.Text.Encoding.UTF8.GetBytes(frame), out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void An_empty_object_is_a_message_with_no_kinds()
    {
        Assert.True(ServerMessageParser.TryParse("{}"u8, out var message, out _));
        Assert.Equal(ServerMessageKinds.None, message.Kinds);
    }
}
