using BenchmarkDotNet.Attributes;
using LiveActors.Protocol;

namespace LiveActors.Benchmarks;

/// <summary>
/// The floor under the parser's allocations: building, by hand and with nothing else, the typed records one received
/// chunk becomes. Whatever a typed parse of that chunk allocates beyond this is the parser's own cost.
/// </summary>
[MemoryDiagnoser]
public class TypedModelBenchmarks
{
    private readonly char[] _text = "The quick brown fox jumps over the lazy dog. ".ToCharArray();
    private readonly int _audioBytes = 9_600;

    /// <summary>The parser benchmark's textChunk frame (one part with a 45-character text).</summary>
    [Benchmark]
    public ServerMessage TextChunk() => Chunk(new Part { Text = new string(_text) });

    /// <summary>The parser benchmark's audioChunk frame: the same records around 9,600 decoded bytes (200 ms of 24 kHz audio).</summary>
    [Benchmark]
    public ServerMessage AudioChunk() => Chunk(new Part { InlineData = new Blob { MimeType = MimeTypes.Pcm24K, Data = new byte[_audioBytes] } });

    private static ServerMessage Chunk(Part part) => new()
    {
        ServerContent = new ServerContent { ModelTurn = new Content { Role = Roles.Model, Parts = [part] } },
    };
}
