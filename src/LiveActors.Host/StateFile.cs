using Microsoft.Data.Sqlite;

namespace LiveActors.Host;

/// <summary>
/// The <c>--state</c> SQLite file, made ready before any session starts: created for its owner only (it holds resumption
/// handles, which are secrets), and checked to be a SQLite database this process can read and write, so that a wrong
/// file is one line and exit 2 instead of a failure deep inside the session's persistence.
/// </summary>
internal static class StateFile
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = OwnerOnlyFile | UnixFileMode.UserExecute;
    private const UnixFileMode OthersBits = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    // SQLite's primary result codes, the ones that say what is wrong with a file.
    private const int SqliteReadOnly = 8;
    private const int SqliteCorrupt = 11;
    private const int SqliteCantOpen = 14;
    private const int SqliteNotADatabase = 26;

    /// <summary>Creates the folder <paramref name="path"/> is in when it is missing, for its owner only (0700 on Unix).</summary>
    /// <exception cref="HostInputException">The path is a folder, or its folder cannot be created.</exception>
    public static void CreateFolder(string path)
    {
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            throw new HostInputException($"--state: {path} is a directory; give a file, such as {Path.Combine(path, HostArguments.DefaultState)}.");
        }

        var folder = Path.GetDirectoryName(full);
        if (folder is null || Directory.Exists(folder))
        {
            return;
        }

        try
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, OwnerOnlyFolder);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostInputException($"--state: the folder {folder} cannot be created: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// Creates the file when it is missing (0600 on Unix, so the journal files SQLite makes beside it are 0600 too), takes
    /// group and other access away from one an earlier version left open, and checks that it is a SQLite database
    /// this process can read and write: a read and a write in a transaction that is rolled back.
    /// </summary>
    /// <exception cref="HostInputException">The file cannot be made, read or written, or is not a SQLite database.</exception>
    public static void Check(string path)
    {
        var full = Path.GetFullPath(path);
        CreatePrivate(path, full);
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = SqliteOpenMode.ReadWrite, // never create it here: that was done above, with its mode
                Pooling = false, // nothing of this check may stay open when the session's store opens the file
            }.ToString());
            connection.Open();
            Execute(connection, null, "PRAGMA schema_version");
            using var probe = connection.BeginTransaction();
            Execute(connection, probe, "CREATE TABLE liveactors_host_write_probe (probe INTEGER)");
            probe.Rollback();
        }
        catch (SqliteException e)
        {
            throw new HostInputException($"--state: {path} {Problem(e)}", e);
        }
    }

    private static void CreatePrivate(string path, string full)
    {
        try
        {
            if (File.Exists(full))
            {
                TakeOthersAccessAway(full);
                return;
            }

            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.ReadWrite };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = OwnerOnlyFile;
            }

            using var created = new FileStream(full, options); // empty: SQLite takes an empty file as a new database
        }
        catch (IOException) when (File.Exists(full))
        {
            // Created meanwhile by another process: the checks below judge it like any other existing file.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HostInputException($"--state: {path} cannot be created: {OneLine(e.Message)}", e);
        }
    }

    /// <summary>Best effort: a file someone else owns keeps its mode, and the SQLite checks still judge it.</summary>
    private static void TakeOthersAccessAway(string full)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        try
        {
            var mode = File.GetUnixFileMode(full);
            if ((mode & OthersBits) != 0)
            {
                File.SetUnixFileMode(full, mode & ~OthersBits);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string Problem(SqliteException e) => (e.SqliteErrorCode & 0xFF) switch // an extended code carries its primary one in its low byte
    {
        SqliteNotADatabase => "is not a SQLite database; give the file an earlier run kept its session in, or a new name.",
        SqliteCorrupt => "is a damaged SQLite database; give a new name to start afresh.",
        SqliteCantOpen => "cannot be opened: this user may not read and write it, or write in its folder; change its permissions or give another file.",
        SqliteReadOnly => "is read-only (the file or its folder): the session's state cannot be kept there; make it writable or give another file.",
        _ => $"cannot be used: {OneLine(e.Message)}",
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
