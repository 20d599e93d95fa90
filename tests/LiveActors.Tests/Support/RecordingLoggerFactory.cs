using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LiveActors.Tests.Support;

/// <summary>An ILoggerFactory that keeps every line written, with its event id, for tests to read.</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(string Category, EventId Id, LogLevel Level, string Text)> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, EventId, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, eventId, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
    }
}
