using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace LiveActors.Emulator.Tests.Support;

/// <summary>
/// A bare Live API client for testing the emulator: a ClientWebSocket and raw JSON text, nothing of the LiveActors library.
/// Every wait is bounded by <see cref="Patience"/>, so a broken emulator fails a test instead of hanging it.
/// </summary>
internal sealed class WireClient : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _patience = new(Patience);

    private WireClient(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public CancellationToken Token => _patience.Token;

    public static Task<WireClient> ConnectAsync(LiveEmulator emulator, string path = Paths.GeminiV1Beta, string? query = "key=test-key",
        Action<ClientWebSocketOptions>? configure = null, HttpMessageInvoker? invoker = null) =>
        ConnectAsync(emulator.BaseAddress, path, query, configure, invoker);

    public static async Task<WireClient> ConnectAsync(Uri baseAddress, string path = Paths.GeminiV1Beta, string? query = "key=test-key",
        Action<ClientWebSocketOptions>? configure = null, HttpMessageInvoker? invoker = null)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        configure?.Invoke(socket.Options);
        var uri = new UriBuilder(baseAddress) { Path = path, Query = query ?? "" }.Uri;
        var client = new WireClient(socket);
        try
        {
            await socket.ConnectAsync(uri, invoker, client.Token);
            return client;
        }
        catch
        {
            await client.DisposeAsync();
            throw;
        }
    }

    /// <summary>Sends setup for <paramref name="model"/> (with a sessionResumption object when given) and returns what answered it.</summary>
    public async Task<Received> SetupAsync(string model = Paths.GeminiModel, string? sessionResumption = null)
    {
        var resumption = sessionResumption is null ? "" : $",\"sessionResumption\":{sessionResumption}";
        await SendAsync($$$"""{"setup":{"model":"{{{model}}}"{{{resumption}}}}}""");
        return await ReceiveAsync();
    }

    /// <summary>Sends setup for <paramref name="model"/> with more members (JSON text, e.g. <c>"generationConfig":{...}</c>) and returns what answered it.</summary>
    public async Task<Received> SetupWithAsync(string model, string members)
    {
        await SendAsync($$$"""{"setup":{"model":"{{{model}}}",{{{members}}}}}""");
        return await ReceiveAsync();
    }

    public Task SendAsync(string json) => SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text);

    public async Task SendAsync(byte[] payload, WebSocketMessageType type) =>
        await Socket.SendAsync(payload, type, endOfMessage: true, Token);

    public Task SendTextTurnAsync(string text) =>
        SendAsync($$$"""{"clientContent":{"turns":[{"role":"user","parts":[{"text":"{{{JsonEncodedText.Encode(text)}}}"}]}],"turnComplete":true}}""");

    public Task SendAudioAsync(byte[] pcm) =>
        SendAsync($$$$"""{"realtimeInput":{"audio":{"mimeType":"audio/pcm;rate=16000","data":"{{{{Convert.ToBase64String(pcm)}}}}"}}}""");

    /// <summary>The next whole message, however many frames it came in; a close frame comes back as a Close message.</summary>
    public async Task<Received> ReceiveAsync()
    {
        var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        var frames = 0;
        while (true)
        {
            var result = await Socket.ReceiveAsync(chunk, Token);
            frames++;
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new Received(WebSocketMessageType.Close, [], frames, result.CloseStatus, result.CloseStatusDescription);
            }

            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new Received(result.MessageType, buffer.ToArray(), frames);
            }
        }
    }

    /// <summary>Receives until <paramref name="last"/> matches, returning everything received, the match included.</summary>
    public async Task<List<Received>> ReceiveUntilAsync(Func<Received, bool> last)
    {
        var all = new List<Received>();
        while (true)
        {
            var message = await ReceiveAsync();
            all.Add(message);
            if (last(message))
            {
                return all;
            }

            Assert.NotEqual(WebSocketMessageType.Close, message.Type);
        }
    }

    /// <summary>Everything up to and including the message with serverContent.turnComplete.</summary>
    public Task<List<Received>> ReceiveTurnAsync() => ReceiveUntilAsync(m => m.Has("serverContent", "turnComplete"));

    /// <summary>Closes normally and returns the server's answering close.</summary>
    public async Task CloseAsync() => await Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", Token);

    public ValueTask DisposeAsync()
    {
        Socket.Dispose();
        _patience.Dispose();
        return ValueTask.CompletedTask;
    }
}
