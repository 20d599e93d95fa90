using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Event;
using Microsoft.Extensions.Logging;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace LiveActors.Telemetry;

/// <summary>
/// The library's logs in the actor system's own log (<c>akka.loglevel</c>, <c>akka.loggers</c>), for a session started
/// without an <see cref="ILoggerFactory"/>: a plain actor user sees connects, drops and retries where Akka's own logs
/// go. Each category is a log source; Trace goes as Debug, Critical as Error.
/// </summary>
/// <remarks>
/// One per actor system (an Akka extension, <see cref="For"/>), with one logger per category that every session
/// shares: a logging adapter and its log source string per session were 0.4 KiB of an idle session's heap.
/// </remarks>
internal sealed class AkkaLoggerFactory : ILoggerFactory, IExtension
{
    private static readonly Provider Id = new();

    private readonly ActorSystem _system;
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    private AkkaLoggerFactory(ActorSystem system) => _system = system;

    /// <summary>The actor system's factory, made on first use.</summary>
    public static AkkaLoggerFactory For(ActorSystem system) => (AkkaLoggerFactory)system.RegisterExtension(Id);

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (category, system) => new AkkaLogger(Logging.GetLogger(system, category)), _system);

    /// <summary>Providers are an <c>ILoggerFactory</c>'s concern: this one writes to Akka's log only.</summary>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Provider : ExtensionIdProvider<AkkaLoggerFactory>
    {
        public override AkkaLoggerFactory CreateExtension(ExtendedActorSystem system) => new(system);
    }

    private sealed class AkkaLogger(ILoggingAdapter log) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None && log.IsEnabled(Level(logLevel));

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }

            var message = formatter(state, exception); // the library's messages carry no secret: what goes is what it wrote
            log.Log(Level(logLevel), exception, message);
        }

        private static Akka.Event.LogLevel Level(LogLevel level) => level switch
        {
            LogLevel.Trace or LogLevel.Debug => Akka.Event.LogLevel.DebugLevel,
            LogLevel.Information => Akka.Event.LogLevel.InfoLevel,
            LogLevel.Warning => Akka.Event.LogLevel.WarningLevel,
            _ => Akka.Event.LogLevel.ErrorLevel,
        };
    }
}
