using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LiveActors.Protocol;

namespace LiveActors.Benchmarks;

/// <summary>Writing one client message of each kind into a reused buffer, as the socket's writer does.</summary>
[MemoryDiagnoser]
public class SerializerBenchmarks
{
    private static readonly Dictionary<string, ClientMessage> Messages = new()
    {
        ["clientContent"] = ClientContent.UserText("What is the weather like in Paris today?"),
        ["realtimeInput.audio"] = RealtimeInput.Pcm(new byte[3200]), // 100 ms of 16 kHz audio
        ["toolResponse"] = new ToolResponse
        {
            FunctionResponses = [new FunctionResponse { Id = "call-1", Name = "get_weather", Response = JsonDocument.Parse("""{"output":{"celsius":21}}""").RootElement }],
        },
        ["setup"] = new Setup { Model = "models/gemini-live-2.5-flash-preview", GenerationConfig = new GenerationConfig { ResponseModalities = [Modalities.Audio] } },
    };

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _writer = new(Stream.Null, new JsonWriterOptions { SkipValidation = true }); // as the socket's
    private ClientMessage _message = null!;

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => Messages.Keys;

    [GlobalSetup]
    public void Setup() => _message = Messages[Kind];

    [Benchmark]
    public int Serialize()
    {
        _buffer.ResetWrittenCount();
        ClientMessageSerializer.Serialize(_message, _buffer);
        return _buffer.WrittenCount;
    }

    /// <summary>As the socket's writer does it: one Utf8JsonWriter for the socket's life, reset for every message.</summary>
    [Benchmark]
    public int SerializeWithReusedWriter()
    {
        _buffer.ResetWrittenCount();
        _writer.Reset(_buffer);
        ClientMessageSerializer.Serialize(_message, _writer);
        return _buffer.WrittenCount;
    }

    [GlobalCleanup]
    public void Cleanup() => _writer.Dispose();
}
