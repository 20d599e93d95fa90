using LiveActors.Errors;
using LiveActors.Options;
using Microsoft.Extensions.Logging;

namespace LiveActors.Sessions;

/// <summary>
/// How a <see cref="LiveSessions"/> region starts and keeps its sessions. Defaults come from <c>Akka.conf</c>
/// (<c>live-actors.sessions</c>).
/// </summary>
/// <param name="OptionsFor">
/// The options of the session with a given id, called when the id is first used (and again after it closed): model,
/// setup, credentials may differ per session. An exception, or invalid options, refuses that message with
/// <see cref="LiveConnectionException"/>.
/// </param>
public sealed record LiveSessionsOptions(Func<string, LiveConnectionOptions> OptionsFor)
{
    /// <summary>
    /// How long a session may go with nothing sent and nothing streaming before it passivates (closes its socket, keeps
    /// its handle); null never. HOCON <c>sessions.passivate-after</c>.
    /// </summary>
    public TimeSpan? PassivateAfter { get; init; } = LiveDefaults.SessionsPassivateAfter;

    /// <summary>
    /// How many sessions may hold a socket open at once; past it the least recently used idle ones passivate first.
    /// HOCON <c>sessions.max-open</c>.
    /// </summary>
    public int MaxOpenSessions { get; init; } = LiveDefaults.SessionsMaxOpen;

    /// <summary>
    /// Whether each session keeps its state with Akka.Persistence under its id (<c>live-session-ID</c>): its newest handle,
    /// its sequence counter and its unconfirmed messages, so a new process resumes the conversation. The journal is the
    /// actor system's (Akka.Hosting's <c>WithLiveSessions</c> sets up SQLite); without one configured, Akka's in-memory
    /// journal keeps it for the process only. HOCON <c>sessions.persistence</c>.
    /// </summary>
    public bool Persistence { get; init; } = LiveDefaults.SessionsPersistence;

    /// <summary>
    /// How long the service keeps a session resumable after it issued a handle (2 hours on the Gemini API): a stored
    /// handle older than this is not tried, and a new session starts (with ResumptionRefused). HOCON
    /// <c>sessions.handle-validity</c>.
    /// </summary>
    public TimeSpan HandleValidity { get; init; } = LiveDefaults.SessionsHandleValidity;

    /// <summary>
    /// With <see cref="Persistence"/>: the region remembers which sessions hold a socket (under
    /// <c>live-sessions-REGION</c>) and, when it starts again in a new process, recovers every one that did when the last
    /// one stopped, at once instead of at its next message. HOCON <c>sessions.recover-open</c>.
    /// </summary>
    public bool RecoverOpenSessions { get; init; } = LiveDefaults.SessionsRecoverOpen;

    /// <summary>
    /// How many messages for a closing session wait for it to end (then go to a new one); more are refused. HOCON
    /// <c>sessions.max-buffered</c>.
    /// </summary>
    public int MaxBufferedPerSession { get; init; } = LiveDefaults.SessionsMaxBuffered;

    /// <summary>Where the sessions log; none by default.</summary>
    public ILoggerFactory? LoggerFactory { get; init; }

    /// <summary>
    /// These options with the <c>sessions</c> keys a HOCON <c>live-actors</c> section (or a config holding one) sets
    /// applied on top; keys it leaves out keep their value here.
    /// </summary>
    public LiveSessionsOptions OverriddenBy(Akka.Configuration.Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var section = config.HasPath(LiveActorsConfig.Section) ? config.GetConfig(LiveActorsConfig.Section) : config;
        var source = new HoconSettingSource(section);
        return this with
        {
            PassivateAfter = source.Find(OptionKeys.SessionsPassivateAfter) is { } after
                ? SettingParsers.OptionalDuration(OptionKeys.SessionsPassivateAfter, after)
                : PassivateAfter,
            MaxOpenSessions = source.Find(OptionKeys.SessionsMaxOpen) is { } max ? SettingParsers.Int(OptionKeys.SessionsMaxOpen, max) : MaxOpenSessions,
            Persistence = source.Find(OptionKeys.SessionsPersistence) is { } on ? SettingParsers.Bool(OptionKeys.SessionsPersistence, on) : Persistence,
            HandleValidity = source.Find(OptionKeys.SessionsHandleValidity) is { } validity
                ? SettingParsers.Duration(OptionKeys.SessionsHandleValidity, validity)
                : HandleValidity,
            RecoverOpenSessions = source.Find(OptionKeys.SessionsRecoverOpen) is { } recover
                ? SettingParsers.Bool(OptionKeys.SessionsRecoverOpen, recover)
                : RecoverOpenSessions,
            MaxBufferedPerSession = source.Find(OptionKeys.SessionsMaxBuffered) is { } buffered
                ? SettingParsers.Int(OptionKeys.SessionsMaxBuffered, buffered)
                : MaxBufferedPerSession,
        };
    }

    /// <summary>Where the sessions' credentials come from: the process environment, a dictionary in tests.</summary>
    internal Auth.LiveEnvironment Environment { get; init; } = Auth.LiveEnvironment.Process;

    /// <summary>
    /// Starts the session with <paramref name="sessionId"/> as a child of <paramref name="context"/>: its options from
    /// <see cref="OptionsFor"/>, passivation, and its durable keeper unless persistence is off. Every kind of region
    /// starts its sessions here, so each refuses a session whose options cannot be made with the same error.
    /// </summary>
    /// <exception cref="LiveConnectionException">Its options are invalid, its credentials missing, or <see cref="OptionsFor"/> threw.</exception>
    internal Akka.Actor.IActorRef StartSession(string sessionId, Akka.Actor.IActorContext context, string name)
    {
        try
        {
            return context.ActorOf(SessionProps(sessionId, context), name);
        }
        catch (Exception e) when (e is not LiveConnectionException and not OutOfMemoryException)
        {
            throw new LiveConnectionException(new ConnectionError.ConnectionFailed($"the options of session '{sessionId}' could not be made: {e.Message}") { Cause = e });
        }
    }

    private Akka.Actor.Props SessionProps(string sessionId, Akka.Actor.IActorContext context)
    {
        var options = OptionsFor(sessionId);
        var passivation = new Supervision.Passivation(PassivateAfter);
        var props = Supervision.ConnectionSupervisor.Props(options, LoggerFactory, Environment, subscriber: null, passivation); // refused here when invalid
        return Persistence
            ? DurableSession.Props(sessionId, options, LoggerFactory, Environment, passivation, HandleValidity) // a persistent actor: Akka's mailbox, for its stash
            : Supervision.Dispatch.SessionDispatcher.On(context, props);
    }

    /// <summary>Every problem with these options, each value against the range <c>docs/configuration.md</c> gives; empty when they are usable.</summary>
    public IReadOnlyList<ConnectionError> Validate()
    {
        var errors = new List<ConnectionError>();
        if (PassivateAfter is { } after)
        {
            LiveOptionsValidator.CheckRange(OptionKeys.SessionsPassivateAfter, after, errors);
        }

        LiveOptionsValidator.CheckRange(OptionKeys.SessionsMaxOpen, MaxOpenSessions, errors);
        LiveOptionsValidator.CheckRange(OptionKeys.SessionsHandleValidity, HandleValidity, errors);
        LiveOptionsValidator.CheckRange(OptionKeys.SessionsMaxBuffered, MaxBufferedPerSession, errors);
        return errors;
    }
}
