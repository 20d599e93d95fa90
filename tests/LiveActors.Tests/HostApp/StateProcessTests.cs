using System.Globalization;
using System.Runtime.Versioning;
using LiveActors.Host;
using Xunit.Abstractions;

namespace LiveActors.Tests.HostApp;

/// <summary>
/// A kept session's state across real processes: one host at a time per session, a crashed holder frees it, and state
/// files this user may not read or write are exit 2 with one line before anything starts.
/// </summary>
[Collection(HostProcessCollection.Name)]
[UnsupportedOSPlatform("windows")] // file modes, and a root run drops its power over them with setpriv
public sealed class StateProcessTests(ITestOutputHelper log) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("liveactors-host-state-").FullName;

    private string State => Path.Combine(_folder, "sessions.db");

    [Fact]
    public async Task A_second_host_on_a_session_in_use_is_exit_2_and_names_the_holder_and_the_first_goes_on()
    {
        await using var first = HostProcess.Start(log, ["--emulator", "--interactive", "--session", "call-1", "--state", State, "--prompt", "first"], keepInputOpen: true);
        await first.WaitForLineAsync(line => line.StartsWith("[type a line for each turn", StringComparison.Ordinal));

        await using var second = HostProcess.Start(log, ["--emulator", "--session", "call-1", "--state", State, "--prompt", "second"]);
        var (secondCode, secondOutput, secondError) = await second.WaitForExitAsync();
        await first.WriteLineAsync("still mine");
        await first.WriteLineAsync("");
        var (firstCode, firstOutput, _) = await first.WaitForExitAsync();
        await using var third = HostProcess.Start(log, ["--emulator", "--session", "call-1", "--state", State, "--prompt", "third"]);
        var (thirdCode, thirdOutput, _) = await third.WaitForExitAsync();

        Assert.Equal(ExitCodes.BadInput, secondCode);
        Assert.Empty(secondOutput);
        Assert.Equal(
            string.Create(CultureInfo.InvariantCulture, $"error: session call-1 is in use by process {first.Id}; end it first, or give another --session."),
            HostExitTests.SingleLine(secondError));
        Assert.Equal(0, firstCode);
        Assert.Contains("Turn 2: you said \"still mine\"", firstOutput, StringComparison.Ordinal);
        Assert.Equal(0, thirdCode); // released at exit
        Assert.Contains("Turn 3: you said \"third\"", thirdOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_host_that_crashed_holding_a_session_leaves_it_free_for_the_next()
    {
        await using (var crashed = HostProcess.Start(log, ["--emulator", "--interactive", "--session", "call-1", "--state", State, "--prompt", "first"], keepInputOpen: true))
        {
            await crashed.WaitForLineAsync(line => line.StartsWith("[type a line for each turn", StringComparison.Ordinal));
            crashed.Crash();
            await crashed.WaitForExitAsync();
        }

        Assert.True(File.Exists(SessionLock.PathFor(State, "call-1"))); // left behind, and not held
        await using var next = HostProcess.Start(log, ["--emulator", "--session", "call-1", "--state", State, "--prompt", "after the crash"]);
        var (code, output, error) = await next.WaitForExitAsync();

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("you said \"after the crash\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0444", "is read-only (the file or its folder)")]
    [InlineData("0000", "cannot be opened: this user may not read and write it")]
    public async Task A_state_file_this_user_may_not_write_or_read_is_exit_2_with_one_line(string mode, string says)
    {
        File.WriteAllBytes(State, []); // an empty file is a new SQLite database: only its mode is wrong
        File.SetUnixFileMode(State, (UnixFileMode)Convert.ToInt32(mode, 8));

        await using var host = HostProcess.Start(log, ["--emulator", "--session", "call-1", "--state", State, "--prompt", "first"], obeyFileModes: true);
        var (code, output, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.StartsWith($"error: --state: {State} {says}", HostExitTests.SingleLine(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_state_file_in_a_read_only_folder_is_exit_2_with_one_line()
    {
        // The file and its lock file may be written; the folder may not, so SQLite's journal cannot be made beside them.
        File.WriteAllBytes(State, []);
        File.WriteAllBytes(SessionLock.PathFor(State, "call-1"), []);
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        await using var host = HostProcess.Start(log, ["--emulator", "--session", "call-1", "--state", State, "--prompt", "first"], obeyFileModes: true);
        var (code, output, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Matches($@"^error: --state: {System.Text.RegularExpressions.Regex.Escape(State)} (is read-only|cannot be opened)", HostExitTests.SingleLine(error));
    }

    public void Dispose()
    {
        File.SetUnixFileMode(_folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.Delete(_folder, recursive: true);
    }
}
