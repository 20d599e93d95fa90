using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using LiveActors.Emulator.Faults;
using LiveActors.Emulator.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveActors.Emulator;

/// <summary>
/// A Gemini Live API emulator on Kestrel, bound to 127.0.0.1: the real paths and credentials, setup and setupComplete,
/// a scripted model (text, audio, tools, interruption), resumption handles, and faults scripted per connection.
/// Every connection is recorded (<see cref="Connections"/>, <see cref="WaitForConnectionAsync"/>).
/// </summary>
public sealed class LiveEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentQueue<IReadOnlyList<EmulatorFault>> _scripts = new();
    private readonly List<ConnectionRecord> _connections = [];
    private readonly List<(int Number, TaskCompletionSource<ConnectionRecord> Signal)> _waiters = [];
    private readonly object _gate = new();
    private int _connectionCount;
    private bool _handlesPoisoned;
    private int _tokenRequests;

    private LiveEmulator(LiveEmulatorOptions options, X509Certificate2? certificate)
    {
        Options = options;
        Certificate = certificate;
        Tokens = new EphemeralTokens(options.Time);
        AccessTokens = new AccessTokens(options.BearerToken, options.Time);
        Sessions = new SessionStore(options.Time, options.HandleLifetime, options.SessionFile is { } file ? new SessionFile(file) : null);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            listen.Protocols = options.Protocols;
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        _app = builder.Build();
        // The emulator sends no pings of its own: keep-alive is the client's job, and silence faults must be silent.
        _app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.Zero });
        _app.Run(HandleAsync);
    }

    /// <summary>The options it runs with.</summary>
    public LiveEmulatorOptions Options { get; }

    /// <summary>Where to connect: <c>ws://127.0.0.1:PORT</c>, or <c>wss://</c> with TLS. Use it as a client's base address.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The self-signed certificate when TLS is on, for the client to trust.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Counters over all connections.</summary>
    public EmulatorStats Stats { get; } = new();

    /// <summary>Ephemeral tokens this emulator accepts on the constrained endpoint.</summary>
    public EphemeralTokens Tokens { get; }

    /// <summary>OAuth access tokens the Vertex AI paths accept besides <see cref="LiveEmulatorOptions.BearerToken"/>.</summary>
    public AccessTokens AccessTokens { get; }

    /// <summary>How many requests reached the token endpoint (<c>POST /v1alpha/auth_tokens</c>), minted or refused.</summary>
    public int TokenRequests => Volatile.Read(ref _tokenRequests);

    internal SessionStore Sessions { get; }

    /// <summary>Every connection so far, in order.</summary>
    public IReadOnlyList<ConnectionRecord> Connections
    {
        get
        {
            lock (_gate)
            {
                return [.. _connections];
            }
        }
    }

    /// <summary>Starts an emulator; dispose it to stop.</summary>
    /// <exception cref="InvalidDataException">The <see cref="LiveEmulatorOptions.SessionFile"/> is not a session file; the message is one line that names it.</exception>
    /// <exception cref="IOException">The session file cannot be read, or the port cannot be bound.</exception>
    /// <exception cref="UnauthorizedAccessException">The session file or its folder is not ours to read or make.</exception>
    public static async Task<LiveEmulator> StartAsync(LiveEmulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LiveEmulatorOptions();
        var emulator = Create(options, options.Tls ? SelfSignedCertificate.ForLoopback() : null);
        await emulator._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = emulator._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var port = new Uri(address).Port;
        emulator.BaseAddress = new Uri($"{(options.Tls ? "wss" : "ws")}://127.0.0.1:{port}");
        return emulator;
    }

    private static LiveEmulator Create(LiveEmulatorOptions options, X509Certificate2? certificate)
    {
        try
        {
            return new LiveEmulator(options, certificate);
        }
        catch
        {
            certificate?.Dispose(); // nothing else would: a session file that cannot be read ends the start here
            throw;
        }
    }

    /// <summary>Queues faults for the next connection that arrives (one call, one connection; an empty call means "behave").</summary>
    public void ScriptNextConnection(params EmulatorFault[] faults) => _scripts.Enqueue(faults);

    /// <summary>
    /// From now on every connection that resumes with a handle, issued before or after, fails as a poisoned handle does
    /// (<see cref="EmulatorFault.PoisonHandles"/>): setupComplete, then close 1011 on its first client message.
    /// </summary>
    public void PoisonResumptionHandles() => Volatile.Write(ref _handlesPoisoned, true);

    /// <summary>Makes every resumption handle issued so far unknown, as if it had expired.</summary>
    public void ExpireResumptionHandles() => Sessions.ExpireAll();

    /// <summary>Completes with connection <paramref name="number"/> (1-based) once it has arrived.</summary>
    public Task<ConnectionRecord> WaitForConnectionAsync(int number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_connections.Count >= number)
            {
                return Task.FromResult(_connections[number - 1]);
            }

            var signal = new TaskCompletionSource<ConnectionRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((number, signal));
            return signal.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Stops the emulator, ending every connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        }

        await _app.DisposeAsync().ConfigureAwait(false);
        Certificate?.Dispose();
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (AuthTokenEndpoint.Matches(context.Request))
        {
            Interlocked.Increment(ref _tokenRequests);
            await AuthTokenEndpoint.HandleAsync(context, this).ConfigureAwait(false);
            return;
        }

        var number = Interlocked.Increment(ref _connectionCount);
        var faults = _scripts.TryDequeue(out var script) ? script : Options.FaultRule?.Invoke(number) ?? [];
        if (Volatile.Read(ref _handlesPoisoned))
        {
            faults = [.. faults, EmulatorFault.PoisonHandles];
        }
        var record = new ConnectionRecord(number, context.Request.Path.Value ?? "", CredentialCheck.Redacted(context.Request.Headers), context.Request.Protocol);
        Register(record);

        if (faults.OfType<RejectUpgradeFault>().FirstOrDefault() is { } reject)
        {
            await RefuseAsync(context, record, reject.Status, reject.Message).ConfigureAwait(false);
            return;
        }

        if (faults.OfType<HangUpgradeFault>().Any())
        {
            using var gone = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token, context.RequestAborted);
            await Task.Delay(Timeout.Infinite, gone.Token).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            record.End(new ConnectionEnd(_stopping.IsCancellationRequested ? ConnectionEndKind.EmulatorStopped : ConnectionEndKind.ClientAborted));
            return;
        }

        if (EmulatorRoute.Match(record.Path) is not { } backend)
        {
            await RefuseAsync(context, record, 404, $"Method not found: {record.Path}").ConfigureAwait(false);
            return;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            await RefuseAsync(context, record, 400, "This endpoint only accepts WebSocket upgrades.").ConfigureAwait(false);
            return;
        }

        if (CredentialCheck.Refusal(context.Request, backend, this) is { } refusal)
        {
            await RefuseAsync(context, record, refusal.Status, refusal.Message).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync().ConfigureAwait(false);
        var token = backend == Backend.GeminiEphemeral ? CredentialCheck.EphemeralToken(context.Request) : null;
        await new EmulatorConnection(socket, context, record, backend, faults, this, token, _stopping.Token).RunAsync().ConfigureAwait(false);
    }

    private void Register(ConnectionRecord record)
    {
        lock (_gate)
        {
            _connections.Add(record);
            var count = _connections.Count;
            foreach (var (n, signal) in _waiters.Where(w => w.Number <= count).ToList())
            {
                signal.TrySetResult(_connections[n - 1]);
            }

            _waiters.RemoveAll(w => w.Number <= count);
        }
    }

    private static async Task RefuseAsync(HttpContext context, ConnectionRecord record, int status, string message)
    {
        record.End(new ConnectionEnd(ConnectionEndKind.Rejected, status, message));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=UTF-8";
        await context.Response.Body.WriteAsync(ServerFrames.UpgradeError(status, message)).ConfigureAwait(false);
    }
}
