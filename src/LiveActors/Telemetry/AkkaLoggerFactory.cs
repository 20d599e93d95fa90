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
internal sealed class AkkaLoggerFactory(ActorSystem system) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new AkkaLogger(Logging.GetLogger(system, categoryName));

    /// <summary>Providers are an <c>ILoggerFactory</c>'s concern: this one writes to Akka's log only.</summary>
    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
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
