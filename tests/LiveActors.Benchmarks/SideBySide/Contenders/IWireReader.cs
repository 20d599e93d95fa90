namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>How a hand-written contender reads one whole server message from its receive buffer.</summary>
internal interface IWireReader
{
    /// <summary>Reads <paramref name="message"/> (valid only during the call) and tells <paramref name="state"/> what it says.</summary>
    void Read(ReadOnlySpan<byte> message, WireSessionState state);
}

/// <summary>Parses into the <see cref="WireServerMessage"/> records with source-generated System.Text.Json.</summary>
internal sealed class TypedWireReader : IWireReader
{
    public void Read(ReadOnlySpan<byte> message, WireSessionState state) =>
        state.Apply(System.Text.Json.JsonSerializer.Deserialize(message, WireJsonContext.Default.WireServerMessage)!);
}
