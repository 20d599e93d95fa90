using System.Runtime.Versioning;
using LiveActors.Host;

namespace LiveActors.Tests.HostApp;

/// <summary>The --state file: created private, and a file that cannot hold the state is one line before anything starts.</summary>
/// <remarks>Read-only and unreadable files are in <see cref="StateProcessTests"/>: root may write any file, so those need a child.</remarks>
public sealed class StateFileTests
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liveactors-state-").FullName;

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void A_new_state_file_and_its_new_folder_are_for_the_owner_only()
    {
        var state = Path.Combine(_folder, "kept", "sessions.db");

        StateFile.CreateFolder(state);
        StateFile.Check(state);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(state)!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void An_existing_state_file_open_to_others_is_made_private_and_keeps_its_content()
    {
        var state = Path.Combine(_folder, "old.db");
        File.WriteAllBytes(state, []);
        File.SetUnixFileMode(state, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        StateFile.Check(state);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state));
    }

    [Fact]
    public void A_file_that_is_not_a_SQLite_database_is_named_and_refused()
    {
        var state = Path.Combine(_folder, "notes.txt");
        File.WriteAllText(state, string.Concat(Enumerable.Repeat("these are notes, not a database. ", 64)));

        var refused = Assert.Throws<HostInputException>(() => StateFile.Check(state));

        Assert.Equal($"--state: {state} is not a SQLite database; give the file an earlier run kept its session in, or a new name.", refused.Message);
        Assert.StartsWith("these are notes", File.ReadAllText(state), StringComparison.Ordinal); // looked at, not touched
    }

    [Fact]
    public void A_folder_given_as_the_state_file_is_refused()
    {
        var refused = Assert.Throws<HostInputException>(() => StateFile.CreateFolder(_folder));

        Assert.StartsWith($"--state: {_folder} is a directory; give a file", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_state_file_whose_folder_cannot_be_made_is_refused()
    {
        var blocker = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocker, "");

        var refused = Assert.Throws<HostInputException>(() => StateFile.CreateFolder(Path.Combine(blocker, "sessions.db")));

        Assert.StartsWith($"--state: the folder {blocker} cannot be created", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_leaves_a_usable_empty_database_and_no_probe_behind()
    {
        var state = Path.Combine(_folder, "fresh.db");

        StateFile.Check(state);
        StateFile.Check(state); // a second run checks the file the first one made

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={state};Pooling=False");
        connection.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT count(*) FROM sqlite_master";
        Assert.Equal(0L, tables.ExecuteScalar());
    }
}
