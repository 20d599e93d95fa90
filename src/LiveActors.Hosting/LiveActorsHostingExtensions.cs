using Akka.Actor;
using Akka.DependencyInjection;
using Akka.Hosting;
using LiveActors.Options;
using LiveActors.Sessions;
using LiveActors.Supervision;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace LiveActors.Hosting;

/// <summary>
/// Akka.Hosting integration: <c>WithLiveConnection</c> starts a <see cref="ConnectionSupervisor"/> with the actor system
/// and registers it, by key type in the <see cref="ActorRegistry"/> (so <c>IRequiredActor&lt;TKey&gt;</c> resolves it) or by
/// name in the <see cref="LiveConnectionRegistry"/>.
/// </summary>
/// <remarks>
/// Options are layered: the library's <c>Akka.conf</c> (added as a HOCON fallback), then the actor system's own
/// <c>live-actors</c> HOCON, then the IConfiguration section named by <c>configurationSection</c> (for example
/// <c>appsettings.json</c>'s <c>"LiveActors:Gemini"</c>), then the <c>configure</c> callback. Invalid options or missing
/// credentials fail the actor system's start with a <see cref="Errors.LiveConnectionException"/> that names the problem.
/// Sessions log through the application's <see cref="ILoggerFactory"/>.
/// </remarks>
public static class LiveActorsHostingExtensions
{
    /// <summary>Starts a session registered under <typeparamref name="TKey"/>, with options from configuration and <paramref name="configure"/>.</summary>
    /// <typeparam name="TKey">The registry key: resolve the session with <c>IRequiredActor&lt;TKey&gt;</c> or <c>ActorRegistry.Get&lt;TKey&gt;()</c>.</typeparam>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="configure">Changes the options after configuration is read (for example <c>o =&gt; o with { Model = "..." }</c>).</param>
    /// <param name="configurationSection">An IConfiguration section to read options from, for example <c>"LiveActors"</c>; none when null.</param>
    public static AkkaConfigurationBuilder WithLiveConnection<TKey>(
        this AkkaConfigurationBuilder builder,
        Func<LiveConnectionOptions, LiveConnectionOptions>? configure = null,
        string? configurationSection = null) =>
        builder.WithLiveConnection(ActorName(typeof(TKey).Name), configure, configurationSection, (_, registry, session) => registry.Register<TKey>(session));

    /// <summary>Starts a session registered under <typeparamref name="TKey"/> with exactly <paramref name="options"/> (over the HOCON defaults).</summary>
    public static AkkaConfigurationBuilder WithLiveConnection<TKey>(this AkkaConfigurationBuilder builder, LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder.WithLiveConnection<TKey>(_ => options);
    }

    /// <summary>Starts a session registered as <paramref name="name"/> in the <see cref="LiveConnectionRegistry"/>.</summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="name">The session's name (also its actor name, <c>live-NAME</c>); several names can live in one actor system.</param>
    /// <param name="configure">Changes the options after configuration is read.</param>
    /// <param name="configurationSection">An IConfiguration section to read options from; none when null.</param>
    public static AkkaConfigurationBuilder WithLiveConnection(
        this AkkaConfigurationBuilder builder,
        string name,
        Func<LiveConnectionOptions, LiveConnectionOptions>? configure = null,
        string? configurationSection = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.WithLiveConnection(ActorName(name), configure, configurationSection,
            (system, _, session) => LiveConnectionRegistry.For(system).Register(name, session));
    }

    /// <summary>Starts a session registered as <paramref name="name"/> with exactly <paramref name="options"/> (over the HOCON defaults).</summary>
    public static AkkaConfigurationBuilder WithLiveConnection(this AkkaConfigurationBuilder builder, string name, LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return builder.WithLiveConnection(name, _ => options);
    }

    /// <summary>
    /// Starts a <see cref="LiveSessions"/> region, registered under <see cref="LiveSessions"/> (resolve it with
    /// <c>IRequiredActor&lt;LiveSessions&gt;</c>; <c>AddLiveSessionsFacade</c> gives <see cref="Facade.ILiveSessions"/>), whose
    /// sessions take their options from configuration, as <c>WithLiveConnection</c> reads them, then from
    /// <paramref name="optionsFor"/> with the session's id.
    /// </summary>
    /// <param name="builder">The Akka.Hosting builder.</param>
    /// <param name="optionsFor">A session's options from its id and the configured ones (for example its own model or setup).</param>
    /// <param name="configure">Changes the region's options (passivation, the cap) after HOCON's <c>live-actors.sessions</c>.</param>
    /// <param name="configurationSection">An IConfiguration section to read the sessions' options from; none when null.</param>
    /// <param name="stateFile">
    /// The SQLite file that keeps the sessions' state (created on first use; <c>live-actors.sessions.state-file</c>,
    /// <c>live-sessions.db</c>, when null). It becomes the actor system's default journal and snapshot store unless
    /// the app configures its own (any Akka.Persistence journal: PostgreSQL, SQL Server, ...), which then wins.
    /// </param>
    public static AkkaConfigurationBuilder WithLiveSessions(
        this AkkaConfigurationBuilder builder,
        Func<string, LiveConnectionOptions, LiveConnectionOptions>? optionsFor = null,
        Func<LiveSessionsOptions, LiveSessionsOptions>? configure = null,
        string? configurationSection = null,
        string? stateFile = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHocon(LiveActorsConfig.Default, HoconAddMode.Append);
        builder.AddHocon(LiveSessionsSqlite.Config(stateFile ?? LiveSessionsSqlite.DefaultStateFile), HoconAddMode.Append);
        return builder.WithActors((system, registry, resolver) =>
        {
            var options = ConfiguredSessionsOptions(system, resolver, optionsFor, configure, configurationSection);
            registry.Register<LiveSessions>(system.ActorOf(LiveSessions.Props(options), "live-sessions"));
        });
    }

    /// <summary>
    /// A region's options as <c>WithLiveSessions</c> makes them: each session's from configuration (as
    /// <c>WithLiveConnection</c> reads it) then <paramref name="optionsFor"/>; the region's own from HOCON's
    /// <c>live-actors.sessions</c> then <paramref name="configure"/>; logging through the application's
    /// <see cref="ILoggerFactory"/>. For packages that start a region their own way (LiveActors.Cluster's sharded region
    /// does), so that every region reads configuration alike.
    /// </summary>
    /// <param name="system">The actor system the region runs in (its HOCON is read).</param>
    /// <param name="resolver">Akka.Hosting's resolver of the application's services (IConfiguration, ILoggerFactory).</param>
    /// <param name="optionsFor">A session's options from its id and the configured ones; null: the configured ones.</param>
    /// <param name="configure">Changes to the region's options after HOCON.</param>
    /// <param name="configurationSection">An IConfiguration section to read the sessions' options from; none when null.</param>
    /// <exception cref="Errors.LiveConnectionException">The region's options are invalid.</exception>
    public static LiveSessionsOptions ConfiguredSessionsOptions(
        ActorSystem system,
        IDependencyResolver resolver,
        Func<string, LiveConnectionOptions, LiveConnectionOptions>? optionsFor = null,
        Func<LiveSessionsOptions, LiveSessionsOptions>? configure = null,
        string? configurationSection = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(resolver);
        var configured = Configured(system, resolver, configurationSection);
        var options = new LiveSessionsOptions(id => optionsFor?.Invoke(id, configured) ?? configured)
        {
            LoggerFactory = resolver.GetService<ILoggerFactory>(),
        }.OverriddenBy(system.Settings.Config);
        options = configure?.Invoke(options) ?? options;
        return options.Validate() is [var invalid, ..] ? throw new Errors.LiveConnectionException(invalid) : options;
    }

    /// <summary>Sends Akka's own log events to the application's <see cref="ILoggerFactory"/> (instead of the console).</summary>
    public static AkkaConfigurationBuilder WithLiveActorsLogging(this AkkaConfigurationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureLoggers(loggers =>
        {
            loggers.ClearLoggers();
            loggers.AddLoggerFactory();
        });
    }

    /// <summary>The actor name for a key or name: <c>live-</c> and the name in lower case with hyphens.</summary>
    private static string ActorName(string name) =>
        "live-" + string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    /// <summary>Options from the library's defaults, the actor system's HOCON, then the IConfiguration section.</summary>
    private static LiveConnectionOptions Configured(ActorSystem system, IDependencyResolver resolver, string? configurationSection)
    {
        var options = new LiveConnectionOptions().OverriddenBy(system.Settings.Config);
        return configurationSection is not null && resolver.GetService<IConfiguration>() is { } configuration
            ? options.OverriddenBy(configuration.GetSection(configurationSection))
            : options;
    }

    private static AkkaConfigurationBuilder WithLiveConnection(
        this AkkaConfigurationBuilder builder,
        string actorName,
        Func<LiveConnectionOptions, LiveConnectionOptions>? configure,
        string? configurationSection,
        Action<ActorSystem, IActorRegistry, IActorRef> register)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddHocon(LiveActorsConfig.Default, HoconAddMode.Append);
        return builder.WithActors((system, registry, resolver) =>
        {
            var options = Configured(system, resolver, configurationSection);
            options = configure?.Invoke(options) ?? options;
            var loggerFactory = resolver.GetService<ILoggerFactory>();
            var session = ConnectionSupervisor.Start(system, options, loggerFactory: loggerFactory, name: actorName);
            register(system, registry, session);
        });
    }
}
