namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>(b) The Websocket.Client package (reconnecting ClientWebSocket wrapper with Rx streams), parsing as (a) does.</summary>
internal sealed class WebsocketClientContender : IContender
{
    public string Name => "Websocket.Client";

    public async Task<IContenderSession> ConnectAsync(Uri emulator, bool resumption, CancellationToken cancellationToken) =>
        await WebsocketClientSession.ConnectAsync(Endpoint.Session(emulator), resumption, cancellationToken).ConfigureAwait(false);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
