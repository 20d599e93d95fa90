using System.Text;
using FsCheck;
using FsCheck.Xunit;
using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

public sealed class ProtocolProperties
{
    [Property(MaxTest = 2000)]
    public bool Arbitrary_bytes_yield_a_message_or_a_protocol_error(byte[] frame) =>
        ServerMessageParser.TryParse(frame, out var message, out var error) ? message is not null && error is null : error is not null;

    [Property(MaxTest = 1000)]
    public bool Arbitrary_text_yields_a_message_or_a_protocol_error(string text) =>
        Parses(Encoding.UTF8.GetBytes(text ?? ""));

    [Property(MaxTest = 1000)]
    public bool Mutated_real_frames_yield_a_message_or_a_protocol_error(PositiveInt seed, byte value)
    {
        var samples = Directory.GetFiles(RepositoryPaths.Sample("server"), "*.json");
        var frame = File.ReadAllBytes(samples[seed.Get % samples.Length]);
        frame[seed.Get % frame.Length] = value;
        return Parses(frame) && Parses(frame.AsSpan(0, seed.Get % frame.Length));
    }

    [Property(MaxTest = 500)]
    public bool Client_content_round_trips(NonNull<string>[] texts, bool turnComplete, bool asModel) =>
        RoundTrips(new ClientContent
        {
            Turns = [new Content { Role = asModel ? Roles.Model : Roles.User, Parts = texts.Select(t => new Part { Text = t.Get }).ToList() }],
            TurnComplete = turnComplete,
        });

    [Property(MaxTest = 500)]
    public bool Realtime_audio_round_trips(byte[] pcm, PositiveInt rate) =>
        RoundTrips(RealtimeInput.Pcm(pcm, rate.Get));

    [Property(MaxTest = 500)]
    public bool Setup_round_trips(NonNull<string> model, NonNull<string> instruction, double? temperature, int? topK, long? triggerTokens, bool transcribe, string? handle) =>
        RoundTrips(new Setup
        {
            Model = model.Get,
            SystemInstruction = Content.FromText(instruction.Get, role: null),
            GenerationConfig = new GenerationConfig
            {
                ResponseModalities = [Modalities.Text],
                Temperature = temperature is { } t && double.IsFinite(t) ? t : null,
                TopK = topK,
            },
            ContextWindowCompression = triggerTokens is null ? null : new ContextWindowCompression { TriggerTokens = triggerTokens },
            InputAudioTranscription = transcribe ? new AudioTranscriptionConfig() : null,
            SessionResumption = new SessionResumptionConfig { Handle = handle },
        });

    [Property(MaxTest = 500)]
    public bool Tool_responses_round_trip(NonNull<string> id, NonNull<string> name, int output) =>
        RoundTrips(new ToolResponse
        {
            FunctionResponses =
            [
                new FunctionResponse
                {
                    Id = id.Get,
                    Name = name.Get,
                    Response = System.Text.Json.JsonDocument.Parse($$"""{"output":{{output}}}""").RootElement,
                },
            ],
        });

    private static bool Parses(ReadOnlySpan<byte> frame) =>
        ServerMessageParser.TryParse(frame, out var message, out var error) ? message is not null : error is not null;

    private static bool RoundTrips(ClientMessage message)
    {
        var first = ClientMessageSerializer.SerializeToUtf8Bytes(message);
        if (!ClientMessageSerializer.TryDeserialize(first, out var read, out _) || read.GetType() != message.GetType())
        {
            return false;
        }

        return first.AsSpan().SequenceEqual(ClientMessageSerializer.SerializeToUtf8Bytes(read));
    }
}
