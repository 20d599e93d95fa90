using System.Net.WebSockets;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Telemetry;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Transport;

/// <summary>
/// One ClientWebSocket, off the actor thread: the receive loop waits for a message with a zero-byte read, reads it into
/// a pooled buffer (given back whenever the loop has to wait, so an idle session holds none), joins fragments up to the
/// size limit (<see cref="FrameAssembler"/>), parses each whole message straight from that buffer and hands it on; the
/// <see cref="Writer"/> sends (see <see cref="SocketWriter"/>). What happens is reported through <see cref="SocketCallbacks"/>:
/// <see cref="SocketEnded"/> to the connection, and <see cref="InboundMessage"/> and <see cref="InboundMalformed"/> to the
/// connection until it has taken setupComplete, then straight to the session, one hop fewer for every message of the
/// session's life.
/// </summary>
/// <remarks>
/// The switch keeps order: after delivering setupComplete the loop reads nothing more until the connection calls
/// <see cref="InboundToSession"/>, which it does only after it has told the session everything that comes first.
/// </remarks>
internal sealed class LiveSocket
{
    private static long s_open;

    private readonly ClientWebSocket _socket;
    private readonly SocketSettings _settings;
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _inboundToSession = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task _receiving = Task.CompletedTask;
    private SocketWriter? _writer;

    private LiveSocket(ClientWebSocket socket, SocketSettings settings)
    {
        Interlocked.Increment(ref s_open);
        LiveTelemetry.OpenConnections.Add(1);
        _socket = socket;
        _settings = settings;
    }

    /// <summary>Sockets opened in this process and not yet stopped (what <c>live.connections.open</c> counts).</summary>
    public static long OpenCount => Interlocked.Read(ref s_open);

    /// <summary>
    /// Opens the socket with <paramref name="headers"/> (the credentials) on its upgrade request. A failure throws
    /// <see cref="LiveConnectionException"/> with the typed error; cancellation (the connect budget ran out) throws
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static async Task<LiveSocket> OpenAsync(
        SocketSettings settings, IEnumerable<KeyValuePair<string, string>> headers, CancellationToken cancellationToken)
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        socket.Options.KeepAliveInterval = settings.KeepAliveInterval;
        socket.Options.KeepAliveTimeout = settings.KeepAliveTimeout;
        (socket.Options.HttpVersion, socket.Options.HttpVersionPolicy) = settings.HttpVersion switch
        {
            Options.LiveHttpVersion.Http2 => (System.Net.HttpVersion.Version20, HttpVersionPolicy.RequestVersionOrLower),
            Options.LiveHttpVersion.Http2Only => (System.Net.HttpVersion.Version20, HttpVersionPolicy.RequestVersionExact),
            _ => (System.Net.HttpVersion.Version11, HttpVersionPolicy.RequestVersionOrLower),
        };
        foreach (var (name, value) in headers)
        {
            socket.Options.SetRequestHeader(name, value);
        }

        var refusal = RefusalCapture.Begin();
        try
        {
            await socket.ConnectAsync(settings.Uri, settings.Invoker, cancellationToken).ConfigureAwait(false);
            socket.HttpResponseHeaders = null; // kept for a refusal's error only: an open session need not hold them
            return new LiveSocket(socket, settings);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ConnectErrors.From(e, socket.HttpStatusCode, socket.HttpResponseHeaders, refusal.Text);
            socket.Dispose();
            throw new LiveConnectionException(error);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The sending side, once <see cref="Start"/> has run: the connection writes setup, then the session everything else.</summary>
    public SocketWriter Writer => _writer ?? throw new InvalidOperationException("The socket has not started.");

    /// <summary>Starts the receive loop and the writer; the callbacks are called from other threads (they must be thread-safe, e.g. a Tell).</summary>
    public void Start(SocketCallbacks callbacks)
    {
        _writer = new SocketWriter(_socket, _settings, callbacks, ReceiveEndsWithinAsync, _stopping.Token);
        _receiving = Task.Run(() => ReceiveLoopAsync(callbacks));
    }

    /// <summary>The connection has taken setupComplete and told the session: later messages go to the session directly.</summary>
    public void InboundToSession() => _inboundToSession.TrySetResult();

    /// <summary>Stops the receive loop and the writer, aborts the socket if it is still open, and says how far the writer got.</summary>
    public async Task<SocketStopped> StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _socket.Abort();
        var (lastWritten, inFlight) = _writer is null ? (-1, null) : await _writer.StopAsync().ConfigureAwait(false);
        await _receiving.ConfigureAwait(false);
        _socket.Dispose();
        _stopping.Dispose();
        Interlocked.Decrement(ref s_open);
        LiveTelemetry.OpenConnections.Add(-1);
        return new SocketStopped(lastWritten, inFlight);
    }

    private async Task ReceiveLoopAsync(SocketCallbacks callbacks)
    {
        var inbound = callbacks.ToConnection; // until the connection has taken setupComplete, then the session
        var toSession = false;
        var frames = new FrameAssembler(_settings.ReceiveBufferSize, _settings.MaxMessageSize);
        try
        {
            while (true)
            {
                ValueWebSocketReceiveResult result;
                if (!frames.Begun)
                {
                    // Between messages, a zero-byte read waits for the next one. While messages keep coming it completes
                    // at once and the buffer is kept; when it has to wait, the buffer goes back to the pool first, so an
                    // idle session holds none.
                    var next = _socket.ReceiveAsync(Memory<byte>.Empty, _stopping.Token);
                    if (!next.IsCompleted)
                    {
                        frames.Release();
                    }

                    callbacks.Reading(!next.IsCompleted);

                    result = await next.ConfigureAwait(false);
                    if (result.MessageType != WebSocketMessageType.Close && !result.EndOfMessage)
                    {
                        result = await ReadAsync(frames.NextChunk(), callbacks).ConfigureAwait(false);
                    }
                }
                else
                {
                    result = await ReadAsync(frames.NextChunk(), callbacks).ConfigureAwait(false);
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    callbacks.Reading(true); // what came before the close is handled before it
                    await AnswerCloseAsync().ConfigureAwait(false);
                    callbacks.ToConnection(new SocketEnded(CloseRequested
                        ? null
                        : new ServerClosed((int?)_socket.CloseStatus ?? 1005, _socket.CloseStatusDescription ?? "")));
                    return;
                }

                if (!frames.Add(result.Count))
                {
                    callbacks.Reading(true);
                    callbacks.ToConnection(new SocketEnded(new ProtocolError(
                        $"a server message is larger than max-inbound-message-size ({_settings.MaxMessageSize} bytes).")));
                    await CloseQuietlyAsync(WebSocketCloseStatus.MessageTooBig).ConfigureAwait(false);
                    return;
                }

                if (!result.EndOfMessage)
                {
                    continue;
                }

                var setupComplete = Deliver(frames.Message, inbound);
                frames.Reset(); // a buffer grown for one big message is not kept
                if (setupComplete && !toSession)
                {
                    await _inboundToSession.Task.WaitAsync(_stopping.Token).ConfigureAwait(false);
                    inbound = callbacks.ToSession;
                    toSession = true;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopped on purpose: nothing to report.
        }
        catch (Exception e)
        {
            callbacks.ToConnection(new SocketEnded(ReceiveError(e)));
        }
        finally
        {
            callbacks.Reading(true); // nothing told is left waiting for a read that will not come
            frames.Release();
        }
    }

    /// <summary>Starts a read and tells the callbacks whether it has to wait for the network, before awaiting it.</summary>
    private ValueTask<ValueWebSocketReceiveResult> ReadAsync(Memory<byte> into, SocketCallbacks callbacks)
    {
        var reading = _socket.ReceiveAsync(into, _stopping.Token);
        callbacks.Reading(!reading.IsCompleted);
        return reading;
    }

    /// <summary>Parses one whole frame and hands on what it was; true when it was setupComplete.</summary>
    private static bool Deliver(ReadOnlySpan<byte> frame, Action<object> deliver)
    {
        if (ServerMessageParser.TryParse(frame, out var message, out var error, out var oddMembers))
        {
            var kind = LiveTelemetry.Kind(MessageKinds.Of(message));
            LiveTelemetry.MessagesReceived.Add(1, kind);
            LiveTelemetry.BytesReceived.Add(frame.Length, kind);
            if (oddMembers is not null)
            {
                LiveTelemetry.OddMembers.Add(oddMembers.Count);
            }

            deliver(new InboundMessage(message, frame.Length) { OddMembers = oddMembers });
            return message.SetupComplete is not null;
        }

        LiveTelemetry.MalformedFrames.Add(1);
        deliver(new InboundMalformed(error));
        return false;
    }

    private async Task<bool> ReceiveEndsWithinAsync(TimeSpan timeout)
    {
        try
        {
            await _receiving.WaitAsync(timeout, _stopping.Token).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        catch (OperationCanceledException)
        {
            return true; // stopped from outside: nothing to report
        }
    }

    private ConnectionError? ReceiveError(Exception error) => error switch
    {
        _ when CloseRequested && _socket.State is WebSocketState.Closed => null,
        WebSocketException { WebSocketErrorCode: WebSocketError.ConnectionClosedPrematurely } e =>
            new ConnectionFailed("the server dropped the connection without a close frame.") { Cause = e },
        OperationCanceledException e when _socket.State == WebSocketState.Aborted =>
            new ConnectionFailed($"the connection was aborted: no answer to keep-alive pings within {_settings.KeepAliveTimeout}.") { Cause = e },
        _ => new ConnectionFailed(error.Message) { Cause = error },
    };

    private bool CloseRequested => _writer?.CloseRequested == true;

    private async Task AnswerCloseAsync()
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await CloseQuietlyAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure).ConfigureAwait(false);
        }
    }

    private async Task CloseQuietlyAsync(WebSocketCloseStatus status)
    {
        try
        {
            await _socket.CloseOutputAsync(status, "", _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The socket is going away anyway.
        }
    }
}
