using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Protocol;
using Microsoft.Extensions.AI;
using static LiveActors.Live;

namespace LiveActors.Extensions.AI;

/// <summary>
/// One Gemini Live conversation as an MEAI <see cref="IRealtimeClientSession"/>, held by a LiveActors session: drops,
/// resumption, goAway hand-overs and the replay of what the server had not taken happen underneath, and the MEAI user
/// sees one unbroken conversation. Every message the session refuses or does not deliver comes back in the stream as an
/// <see cref="ErrorRealtimeServerMessage"/> naming the <see cref="RealtimeClientMessage.MessageId"/> it was sent with:
/// neither <see cref="SendAsync"/> nor the stream throws for a drop, a resume or a give-up (MEAI's function invocation
/// sends tool results from inside the stream's enumeration, so a throw there would end the caller's stream).
/// </summary>
/// <remarks>
/// <para>What MEAI has no message for (goAway, resumption, voice activity, the session's status) stays reachable:
/// <c>GetService(typeof(ILiveConnection))</c> gives the LiveActors session, whose <c>EventsAsync</c> has every event,
/// and <c>GetService(typeof(IActorRef))</c> its actor.</para>
/// <para>SendAsync may be called from several threads at once (audio on one, function results from middleware on
/// another): messages go to the session in the order their calls take the session's lock.</para>
/// </remarks>
[Experimental("MEAI001")]
public sealed class LiveRealtimeSession : IRealtimeClientSession
{
    private readonly LiveConnection _connection;
    private readonly LiveConnectionOptions _connectionOptions;
    private readonly ClientTranslator _client;
    private readonly ServerTranslator _server;
    private readonly SentMessageIds _messageIds = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private readonly Channel<RealtimeServerMessage> _messages = Channel.CreateUnbounded<RealtimeServerMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _pump;
    private int _disposed;

    internal LiveRealtimeSession(LiveConnection connection, LiveConnectionOptions connectionOptions, RealtimeSessionOptions? options)
    {
        _connection = connection;
        _connectionOptions = connectionOptions;
        Options = SessionSetup.Reported(options, connectionOptions);
        var calls = new ToolCallNames();
        _client = new ClientTranslator(SessionSetup.DetectsActivity(options, connectionOptions), Options.InputAudioFormat!.SampleRate, calls);
        _server = new ServerTranslator(calls, _messageIds);
        _pump = PumpAsync();
    }

    /// <inheritdoc />
    public RealtimeSessionOptions? Options { get; private set; }

    /// <summary>Completes once the session is connected; fails with the session's error when it gives up first.</summary>
    internal Task Connected => _connected.Task;

    /// <inheritdoc />
    /// <remarks>
    /// A message the session refuses (buffer_full, tool_call_lost, unsupported_by_model, session_closed, ...) is reported
    /// in the stream as an <see cref="ErrorRealtimeServerMessage"/> with the error's code and the message's
    /// <see cref="RealtimeClientMessage.MessageId"/>, not thrown. Once the session is over (its stream ended with the
    /// error it gave up with) a message goes nowhere.
    /// </remarks>
    /// <exception cref="NotSupportedException">A message with no Live API counterpart, or a session update the Live API cannot make mid-session.</exception>
    public async Task SendAsync(RealtimeClientMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var live = new List<ClientMessage>(2);
        await _sending.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this); // disposed while this call waited its turn
            if (message is SessionUpdateRealtimeClientMessage update)
            {
                live.AddRange(SessionUpdate(update.Options));
            }
            else
            {
                _client.Translate(message, live);
            }

            foreach (var one in live)
            {
                long sequence;
                try
                {
                    sequence = await _connection.SendAsync(one, cancellationToken).ConfigureAwait(false);
                }
                catch (LiveConnectionException refused)
                {
                    Report(refused.Error, message.MessageId);
                    continue; // what else the message stands for still goes (a turn after a refused toolResponse)
                }

                if (message.MessageId is { } id)
                {
                    _messageIds.Sent(sequence, id); // a SendFailed for it names it
                }
            }
        }
        finally
        {
            _sending.Release();
        }
    }

    /// <inheritdoc />
    /// <remarks>One enumeration at a time. It ends when the session is closed, or after the error that says it gave up.</remarks>
    public async IAsyncEnumerable<RealtimeServerMessage> GetStreamingResponseAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var reader = _messages.Reader;
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out var message))
            {
                yield return message;
            }
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        if (serviceType == typeof(ChatClientMetadata))
        {
            return LiveRealtimeClient.Metadata(_connectionOptions);
        }

        return serviceType.IsInstanceOfType(this) ? this
            : serviceType.IsInstanceOfType(_connection) ? _connection
            : serviceType == typeof(IActorRef) ? _connection.Session
            : serviceType == typeof(LiveConnectionOptions) ? _connectionOptions
            : null;
    }

    /// <summary>Closes the LiveActors session gracefully (what it holds unconfirmed is reported, never dropped silently).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await _connection.CloseAsync().ConfigureAwait(false);
        }
        catch (LiveConnectionException)
        {
            // ended already: nothing left to close
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _pump.ConfigureAwait(false);
        _stopping.Dispose();
        // The send lock is not disposed: a send still waiting for it gets its turn and then its ObjectDisposedException,
        // and the send holding it releases it as usual, so every call ends with its own outcome (a SemaphoreSlim holds
        // nothing to release unless its wait handle was asked for).
    }

    /// <summary>A refusal, in the stream; nowhere once the stream has ended (the session is over, and said why).</summary>
    private void Report(ConnectionError error, string? messageId) => _messages.Writer.TryWrite(new ErrorRealtimeServerMessage
    {
        Error = new ErrorContent(error.Message) { ErrorCode = error.Code },
        OriginatingMessageId = messageId,
        RawRepresentation = error,
    });

    private IEnumerable<ClientMessage> SessionUpdate(RealtimeSessionOptions options)
    {
        var current = Options!;
        SessionSetup.RefuseUpdate(current, options);
        var instruction = options.Instructions is { } text && text != current.Instructions ? Content.FromText(text, role: null) : null;
        var tools = options.Tools is { } given ? new ToolList { Tools = SessionSetup.LiveTools(given) } : null;
        Options = SessionSetup.Reported(new RealtimeSessionOptions
        {
            InputAudioFormat = current.InputAudioFormat,
            TranscriptionOptions = current.TranscriptionOptions,
            Voice = current.Voice,
            Instructions = options.Instructions ?? current.Instructions,
            MaxOutputTokens = current.MaxOutputTokens,
            OutputModalities = current.OutputModalities,
            ToolMode = options.ToolMode ?? current.ToolMode,
            Tools = options.Tools ?? current.Tools,
            VoiceActivityDetection = current.VoiceActivityDetection,
            RawRepresentationFactory = current.RawRepresentationFactory,
        }, _connectionOptions);
        if (instruction is not null || tools is not null)
        {
            yield return new ContextUpdate { SystemInstruction = instruction, Tools = tools };
        }
    }

    private async Task PumpAsync()
    {
        var batch = new List<RealtimeServerMessage>(4);
        try
        {
            await foreach (var @event in _connection.EventsAsync(_stopping.Token).ConfigureAwait(false))
            {
                switch (@event)
                {
                    case Live.Connected:
                        _connected.TrySetResult();
                        continue;
                    case GaveUp gaveUp:
                        _connected.TrySetException(new LiveConnectionException(gaveUp.Error));
                        break;
                }

                var over = _server.Translate(@event, batch);
                foreach (var message in batch)
                {
                    _messages.Writer.TryWrite(message);
                }

                batch.Clear();
                if (over)
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // disposed: the stream ends
        }
        finally
        {
            _connected.TrySetException(new LiveConnectionException(ConnectionError.SessionClosed.Instance));
            _messages.Writer.TryComplete();
        }
    }
}
