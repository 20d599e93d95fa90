namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// A careful hand-written client on ClientWebSocket and System.Text.Json: (a) the typical one, which parses every
/// message into typed records, and (c) the lean one, which reads values in place and builds nothing.
/// </summary>
internal sealed class HandWrittenContender : IContender
{
    private readonly Func<IWireReader> _reader;
    private readonly bool _idleWithoutBuffer;

    private HandWrittenContender(string name, Func<IWireReader> reader, bool idleWithoutBuffer)
    {
        Name = name;
        _reader = reader;
        _idleWithoutBuffer = idleWithoutBuffer;
    }

    /// <summary>(a) Parses each message into the <see cref="WireServerMessage"/> records; keeps its receive buffer.</summary>
    public static HandWrittenContender Typed() => new("hand-written", () => new TypedWireReader(), idleWithoutBuffer: false);

    /// <summary>(c) Reads each message in place with one <see cref="System.Text.Json.Utf8JsonReader"/> pass; holds no buffer while idle.</summary>
    public static HandWrittenContender Lean() => new("lean hand-written", () => new LeanWireReader(), idleWithoutBuffer: true);

    public string Name { get; }

    public async Task<IContenderSession> ConnectAsync(Uri emulator, bool resumption, CancellationToken cancellationToken) =>
        await HandWrittenSession.ConnectAsync(Endpoint.Session(emulator), resumption, _reader(), _idleWithoutBuffer, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
