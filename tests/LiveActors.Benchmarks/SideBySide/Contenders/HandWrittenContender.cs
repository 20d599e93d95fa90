namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>(a) The baseline: a careful hand-written client on ClientWebSocket and System.Text.Json.</summary>
internal sealed class HandWrittenContender : IContender
{
    public string Name => "hand-written";

    public async Task<IContenderSession> ConnectAsync(Uri emulator, bool resumption, CancellationToken cancellationToken) =>
        await HandWrittenSession.ConnectAsync(Endpoint.Session(emulator), resumption, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
