using BenchmarkDotNet.Attributes;
using LiveActors.Protocol;

namespace LiveActors.Benchmarks;

/// <summary>Parsing one server frame of each kind: time and bytes allocated per message.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private byte[] _frame = [];

    [ParamsSource(nameof(Kinds))]
    public string Kind { get; set; } = "";

    public static IEnumerable<string> Kinds => ProtocolFrames.ServerMessages.Keys;

    [GlobalSetup]
    public void Setup() => _frame = ProtocolFrames.ServerMessages[Kind];

    [Benchmark]
    public ServerMessage? Parse() => ServerMessageParser.TryParse(_frame, out var message, out _) ? message : null;
}
