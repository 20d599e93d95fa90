using System.Diagnostics.CodeAnalysis;
using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace LiveActors.Extensions.AI;

/// <summary>
/// Microsoft.Extensions.AI's <see cref="IRealtimeClient"/> over Gemini Live: each session it creates is a LiveActors
/// session in <paramref name="system"/>, started from <paramref name="options"/> with the MEAI session options laid
/// over its setup (model, instructions, tools, modalities, voice, activity detection, transcription). Build MEAI's
/// pipeline on it as on any realtime client:
/// <code>
/// IRealtimeClient client = new LiveRealtimeClient(system, options)
///     .AsBuilder().UseFunctionInvocation().UseOpenTelemetry().UseLogging(loggerFactory).Build();
/// </code>
/// </summary>
/// <param name="system">The actor system the sessions live in; the client does not own it.</param>
/// <param name="options">Everything about the connection (credentials, endpoint, retry, resumption) and the base setup.</param>
/// <param name="loggerFactory">Where the sessions log; null logs to the actor system's log.</param>
[Experimental("MEAI001")]
public sealed class LiveRealtimeClient(ActorSystem system, LiveConnectionOptions options, ILoggerFactory? loggerFactory = null) : IRealtimeClient
{
    private readonly ActorSystem _system = system ?? throw new ArgumentNullException(nameof(system));
    private readonly LiveConnectionOptions _options = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>
    /// Starts a session and completes once it is connected (setupComplete). A session that cannot connect fails with
    /// the error it gave up with, after its retries.
    /// </summary>
    /// <exception cref="LiveConnectionException">Invalid options, missing credentials, or the session gave up connecting.</exception>
    /// <exception cref="NotSupportedException">
    /// Options the Live API has no field for, refused by name before any connection: a transcription-only session, a tool
    /// kind it has no counterpart for, <c>ToolMode</c> RequireAny or RequireSpecific, an output audio format other than
    /// 24 kHz PCM, input audio that is not PCM, a transcription model or prompt.
    /// </exception>
    public async Task<IRealtimeClientSession> CreateSessionAsync(RealtimeSessionOptions? options = null, CancellationToken cancellationToken = default)
    {
        var connectionOptions = SessionSetup.Apply(_options, options);
        var session = new LiveRealtimeSession(LiveConnection.Start(_system, connectionOptions, loggerFactory), connectionOptions, options);
        try
        {
            await session.Connected.WaitAsync(cancellationToken).ConfigureAwait(false);
            return session;
        }
        catch
        {
            await session.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ChatClientMetadata) ? Metadata(_options)
            : serviceType.IsInstanceOfType(this) ? this
            : serviceType == typeof(LiveConnectionOptions) ? _options
            : serviceType == typeof(ActorSystem) ? _system
            : null;
    }

    /// <summary>Nothing to release: each session closes on its own DisposeAsync, and the actor system is the caller's.</summary>
    public void Dispose()
    {
    }

    /// <summary>What MEAI's telemetry names the provider, endpoint and model of sessions with <paramref name="options"/>.</summary>
    internal static ChatClientMetadata Metadata(LiveConnectionOptions options) => new(LiveTelemetry.ProviderName(options), options.BaseAddress, options.Model);
}
