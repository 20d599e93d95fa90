using LiveActors.Auth;
using LiveActors.Endpoints;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;

namespace LiveActors.Supervision;

/// <summary>
/// What each connection attempt of a session needs: the socket settings (the same for every attempt), and the setup,
/// with the resumption handle when it resumes, or with the initial history when it starts a new server session.
/// </summary>
internal sealed class AttemptPlanner
{
    private readonly LiveConnectionOptions _options;
    private readonly IHeaderSource _credentials;
    private readonly ModelRules _rules;
    private readonly SocketSettings _socket;

    /// <param name="options">The session's options.</param>
    /// <param name="credentials">The headers each upgrade request carries.</param>
    /// <param name="rules">The model's rules: the initial history and the setup it needs.</param>
    /// <param name="invoker">The HTTP invoker the sockets share.</param>
    /// <param name="telemetryTags">The GenAI tags of the socket's records.</param>
    public AttemptPlanner(
        LiveConnectionOptions options, IHeaderSource credentials, ModelRules rules, System.Net.Http.HttpMessageInvoker? invoker,
        KeyValuePair<string, object?>[] telemetryTags)
    {
        _options = options;
        _credentials = credentials;
        _rules = rules;
        _socket = new SocketSettings(
            LiveEndpoints.For(options),
            options.KeepAliveInterval,
            options.KeepAliveTimeout,
            options.MaxInboundMessageSize,
            options.OutboundQueue.MaxMessages)
        {
            Invoker = invoker,
            TelemetryTags = telemetryTags,
            HttpVersion = options.Transport.HttpVersion,
            ReceiveBufferSize = options.Transport.ReceiveBufferSize,
            DrainTimeout = options.CloseTimeout,
        };
    }

    /// <summary>
    /// The plan of attempt <paramref name="attempt"/> (1-based): resuming with <paramref name="handle"/> when it is given
    /// (the server has the history then), else a new server session that gets the initial history and
    /// <paramref name="said"/>, the conversation so far.
    /// </summary>
    public ConnectionPlan Plan(string? handle, int attempt, IReadOnlyList<Content>? said = null)
    {
        var setup = SetupFor(handle);
        var history = handle is not null ? null : _rules.HistoryWith(said ?? []);
        return new ConnectionPlan(_socket, _credentials, _rules.WithHistoryConfig(setup, history), _options.Timeout, _options.CloseTimeout, attempt)
        {
            History = history,
        };
    }

    private Setup SetupFor(string? handle)
    {
        var setup = _options.Setup ?? new Setup();
        if (string.IsNullOrEmpty(setup.Model))
        {
            setup = setup with { Model = ModelNames.For(_options) };
        }

        return _options.SessionResumption.Enabled
            ? setup with
            {
                SessionResumption = (setup.SessionResumption ?? new SessionResumptionConfig()) with
                {
                    Handle = handle,
                    Transparent = _options.SessionResumption.Transparent ? true : setup.SessionResumption?.Transparent,
                },
            }
            : setup;
    }
}
