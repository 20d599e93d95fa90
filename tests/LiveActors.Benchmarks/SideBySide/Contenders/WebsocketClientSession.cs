using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Websocket.Client;

namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>
/// A session on Websocket.Client used as its documentation suggests and tuned as a careful user would: binary messages
/// not converted to strings, no idle-reconnect timer, immediate reconnect when the connection is lost (its
/// default), a setup with the newest handle sent on every (re)connection.
/// </summary>
internal sealed class WebsocketClientSession : IContenderSession
{
    private readonly WebsocketClient _client;
    private readonly bool _resumption;
    private readonly WireFrames _frames = new();
    private readonly WireSessionState _state = new();
    private readonly List<IDisposable> _subscriptions = [];

    private WebsocketClientSession(Uri endpoint, bool resumption)
    {
        _resumption = resumption;
        _client = new WebsocketClient(endpoint, () =>
        {
            var socket = new ClientWebSocket();
            socket.Options.SetRequestHeader(Endpoint.ApiKeyHeader, Endpoint.ApiKey);
            return socket;
        })
        {
            IsTextMessageConversionEnabled = false,
            ReconnectTimeout = null,
            IsReconnectionEnabled = resumption,
        };
        _subscriptions.Add(_client.MessageReceived.Subscribe(OnMessage));
        _subscriptions.Add(_client.ReconnectionHappened.Subscribe(_ => SendSetup()));
        _subscriptions.Add(_client.DisconnectionHappened.Subscribe(info =>
        {
            if (info.Type is DisconnectionType.Lost or DisconnectionType.Error)
            {
                _state.Progress.Dropped();
            }
        }));
    }

    public static async Task<WebsocketClientSession> ConnectAsync(Uri endpoint, bool resumption, CancellationToken cancellationToken)
    {
        var session = new WebsocketClientSession(endpoint, resumption);
        await session._client.StartOrFail().WaitAsync(cancellationToken).ConfigureAwait(false);
        await session._state.Progress.Ready.WaitAsync(cancellationToken).ConfigureAwait(false);
        return session;
    }

    public Task SendTextAsync(string text)
    {
        _client.SendAsText(Write(text, static (frames, t) => frames.Text(t)));
        return Task.CompletedTask;
    }

    public Task SendAudioAsync(ReadOnlyMemory<byte> pcm)
    {
        _client.SendAsText(Write(pcm, static (frames, p) => frames.Audio(p.Span)));
        return Task.CompletedTask;
    }

    public ValueTask<TurnTally> NextTurnAsync(CancellationToken cancellationToken) => _state.Progress.NextTurnAsync(cancellationToken);

    public ValueTask<TimeSpan> NextResumeAsync(CancellationToken cancellationToken) => _state.Progress.NextResumeAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _client.Stop(WebSocketCloseStatus.NormalClosure, "").ConfigureAwait(false);
        _subscriptions.ForEach(s => s.Dispose());
        _client.Dispose();
    }

    // Send queues the message for the client's sender task, so each needs an array of its own.
    private byte[] Write<T>(T state, Func<WireFrames, T, ReadOnlyMemory<byte>> write)
    {
        lock (_frames)
        {
            return write(_frames, state).ToArray();
        }
    }

    private void SendSetup() =>
        _client.SendAsText(Write(_state.Handle, (frames, handle) => frames.Setup("models/" + Endpoint.Model, _resumption, handle)));

    private void OnMessage(ResponseMessage message)
    {
        var json = message.Binary ?? Encoding.UTF8.GetBytes(message.Text ?? "");
        _state.Apply(JsonSerializer.Deserialize(json, WireJsonContext.Default.WireServerMessage)!);
    }
}
