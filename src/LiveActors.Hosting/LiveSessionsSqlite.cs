using Akka.Configuration;
using LiveActors.Options;
using Microsoft.Data.Sqlite;

namespace LiveActors.Hosting;

/// <summary>
/// The embedded SQLite journal and snapshot store (Akka.Persistence.Sql over Microsoft.Data.Sqlite) that keep
/// <see cref="Sessions.LiveSessions"/> state in one file, created on first use: nothing to install.
/// </summary>
public static class LiveSessionsSqlite
{
    /// <summary>The linq2db provider name for Microsoft.Data.Sqlite.</summary>
    public const string ProviderName = "SQLite.MS";

    /// <summary>
    /// The file the sessions' state goes to when the app names none: <c>live-actors.sessions.state-file</c> of the
    /// library's <c>Akka.conf</c> (<c>live-sessions.db</c>, beside the app).
    /// </summary>
    public static string DefaultStateFile { get; } = LiveActorsConfig.Default.GetString(LiveActorsConfig.Section + ".sessions.state-file");

    /// <summary>The connection string for the file at <paramref name="path"/> (shared cache, so the journal's connections agree).</summary>
    public static string ConnectionString(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Cache = SqliteCacheMode.Shared, Pooling = true }.ToString();
    }

    /// <summary>
    /// HOCON that makes the SQLite file at <paramref name="path"/> the actor system's default journal and snapshot store,
    /// for an actor system made without Akka.Hosting (<c>WithLiveSessions</c> does this itself).
    /// </summary>
    public static Config Config(string path)
    {
        var connection = ConnectionString(path).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
        return ConfigurationFactory.ParseString($$"""
            akka.persistence.journal {
              plugin = "akka.persistence.journal.sql"
              sql { connection-string = "{{connection}}", provider-name = "{{ProviderName}}", auto-initialize = on }
            }
            akka.persistence.snapshot-store {
              plugin = "akka.persistence.snapshot-store.sql"
              sql { connection-string = "{{connection}}", provider-name = "{{ProviderName}}", auto-initialize = on }
            }
            """).WithFallback(Akka.Persistence.Sql.SqlPersistence.DefaultConfiguration)
            .WithFallback(LiveActorsConfig.Default); // LiveActors' serializer for what the sessions store
    }
}
