using System.Buffers;
using System.Text;
using System.Text.Json;
using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

public sealed class ClientSerializationTests
{
    public static TheoryData<string, ClientMessage> TypedSamples() => new()
    {
        { "setup-minimal.json", new Setup { Model = "models/gemini-live-2.5-flash-preview" } },
        { "setup-full.json", FullSetup() },
        {
            "setup-vertex-resume.json",
            new Setup
            {
                Model = "projects/my-project/locations/us-central1/publishers/google/models/gemini-live-2.5-flash",
                SessionResumption = new SessionResumptionConfig { Handle = "CjwKB3Nlc3Npb24SMQ", Transparent = true },
            }
        },
        { "client-content.json", ClientContent.UserText("Hello what should we talk about?") },
        { "realtime-audio.json", RealtimeInput.Pcm(new byte[] { 0, 0, 1, 0, 2, 0, 3, 0 }) },
        { "realtime-video.json", RealtimeInput.Jpeg(Convert.FromBase64String("/9j/4AAQSkZJRg==")) },
        { "realtime-text.json", RealtimeInput.FromText("Are you there Gemini?") },
        { "activity-start.json", RealtimeInput.StartOfActivity },
        { "activity-end.json", RealtimeInput.EndOfActivity },
        { "audio-stream-end.json", RealtimeInput.EndOfAudioStream },
        {
            "tool-response.json",
            new ToolResponse
            {
                FunctionResponses =
                [
                    new FunctionResponse
                    {
                        Id = "function-call-5831923424298605773",
                        Name = "get_weather",
                        Response = JsonDocument.Parse("""{"output":{"tempC":17}}""").RootElement,
                    },
                ],
            }
        },
    };

    [Theory]
    [MemberData(nameof(TypedSamples))]
    public void Each_client_message_serializes_to_the_protocol_example(string sample, ClientMessage message)
    {
        var expected = File.ReadAllText(RepositoryPaths.Sample(Path.Combine("client", sample)));
        JsonAssert.Equivalent(expected, ClientMessageSerializer.SerializeToUtf8Bytes(message));
    }

    [Fact]
    public void Every_client_sample_reads_back_as_a_typed_message_and_writes_the_same_JSON()
    {
        var files = Directory.GetFiles(RepositoryPaths.Sample("client"), "*.json");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var json = File.ReadAllBytes(file);
            Assert.True(ClientMessageSerializer.TryDeserialize(json, out var message, out var error), $"{file}: {error}");
            Assert.IsNotType<RawClientMessage>(message);
            JsonAssert.Equivalent(Encoding.UTF8.GetString(json), ClientMessageSerializer.SerializeToUtf8Bytes(message));
        }
    }

    [Fact]
    public void Output_is_compact_camelCase_without_nulls()
    {
        var json = Encoding.UTF8.GetString(ClientMessageSerializer.SerializeToUtf8Bytes(
            new Setup { Model = "models/m", GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Text], Temperature = 0.5 } }));
        Assert.Equal("""{"setup":{"model":"models/m","generationConfig":{"responseModalities":["TEXT"],"temperature":0.5}}}""", json);
    }

    [Fact]
    public void Affective_dialog_is_written_inside_generationConfig()
    {
        var json = ClientMessageSerializer.SerializeToUtf8Bytes(
            new Setup { Model = "models/m", GenerationConfig = new GenerationConfig { EnableAffectiveDialog = true } });
        JsonAssert.Equivalent("""{"setup":{"model":"models/m","generationConfig":{"enableAffectiveDialog":true}}}""", json);
    }

    [Fact]
    public void Int64_token_counts_are_written_as_strings()
    {
        var json = ClientMessageSerializer.SerializeToUtf8Bytes(new Setup
        {
            Model = "models/m",
            ContextWindowCompression = new ContextWindowCompression { TriggerTokens = 25600, SlidingWindow = new SlidingWindow { TargetTokens = 12800 } },
        });
        JsonAssert.Equivalent(
            """{"setup":{"model":"models/m","contextWindowCompression":{"triggerTokens":"25600","slidingWindow":{"targetTokens":"12800"}}}}""",
            json);
    }

    [Fact]
    public void Additional_properties_are_sent_for_fields_not_modelled_yet()
    {
        var future = JsonDocument.Parse("""{"mode":"fast"}""").RootElement;
        var message = new Setup { Model = "models/m", AdditionalProperties = new Dictionary<string, JsonElement> { ["futureOption"] = future } };
        JsonAssert.Equivalent("""{"setup":{"model":"models/m","futureOption":{"mode":"fast"}}}""", ClientMessageSerializer.SerializeToUtf8Bytes(message));
    }

    [Fact]
    public void Raw_JSON_is_sent_as_it_is()
    {
        var raw = new RawClientMessage(JsonDocument.Parse("""{"realtimeInput":{"newKind":{"x":1}}}""").RootElement);
        JsonAssert.Equivalent("""{"realtimeInput":{"newKind":{"x":1}}}""", ClientMessageSerializer.SerializeToUtf8Bytes(raw));
        Assert.Throws<ArgumentException>(() => new RawClientMessage(JsonDocument.Parse("[1]").RootElement));
    }

    [Fact]
    public void Unknown_or_mixed_client_JSON_reads_as_raw()
    {
        Assert.True(ClientMessageSerializer.TryDeserialize("""{"somethingNew":{}}"""u8, out var message, out _));
        Assert.IsType<RawClientMessage>(message);
        Assert.True(ClientMessageSerializer.TryDeserialize("""{"setup":{"model":"m"},"clientContent":{}}"""u8, out message, out _));
        Assert.IsType<RawClientMessage>(message);
        Assert.False(ClientMessageSerializer.TryDeserialize("[]"u8, out _, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void Serializing_into_a_buffer_writer_appends_exactly_the_message()
    {
        var buffer = new ArrayBufferWriter<byte>();
        ClientMessageSerializer.Serialize(RealtimeInput.FromText("a"), buffer);
        ClientMessageSerializer.Serialize(RealtimeInput.FromText("b"), buffer);
        Assert.Equal("""{"realtimeInput":{"text":"a"}}{"realtimeInput":{"text":"b"}}""", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    private static Setup FullSetup() => new()
    {
        Model = "models/gemini-live-2.5-flash-preview",
        GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio], SpeechConfig = SpeechConfig.FromVoice("Kore") },
        SystemInstruction = new Content { Parts = [new Part { Text = "You are a helpful assistant." }] },
        Tools =
        [
            new Tool
            {
                FunctionDeclarations =
                [
                    new FunctionDeclaration
                    {
                        Name = "get_weather",
                        Description = "Weather for a city",
                        Parameters = JsonDocument.Parse("""{"type":"OBJECT","properties":{"city":{"type":"STRING"}},"required":["city"]}""").RootElement,
                    },
                ],
            },
        ],
        RealtimeInputConfig = new RealtimeInputConfig { AutomaticActivityDetection = new AutomaticActivityDetection { Disabled = false } },
        SessionResumption = new SessionResumptionConfig(),
        ContextWindowCompression = new ContextWindowCompression { SlidingWindow = new SlidingWindow() },
        InputAudioTranscription = new AudioTranscriptionConfig(),
        OutputAudioTranscription = new AudioTranscriptionConfig(),
    };
}
