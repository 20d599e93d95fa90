using System.Runtime.Versioning;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

/// <summary>
/// A session file holds resumption handles: only its owner may read it, and a broken one stops the start with one line
/// that says which file and what is wrong, never a stack trace.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class SessionFileSafetyTests : IDisposable
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"emulator-safety-{Guid.NewGuid():N}");

    public SessionFileSafetyTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("not json", "is not valid JSON (line 1)")]
    [InlineData("", "is not valid JSON (line 1)")]
    [InlineData("{\"handles\":[{\"handle\":\"Cj", "is not valid JSON (line 1)")]
    [InlineData("{\n\"handles\": [\n}", "is not valid JSON (line 3)")]
    [InlineData("[]", "is JSON but not a session file (at $)")]
    [InlineData("null", "is JSON but not a session file (at $)")]
    [InlineData("{\"handles\":[null]}", "is JSON but not a session file (at $.handles[0])")]
    [InlineData("{\"handles\":[{\"handle\":\"Cj1\",\"expires\":\"2999-01-01T00:00:00Z\"}]}", "is JSON but not a session file (at $.handles[0])")]
    [InlineData("{\"handles\":[{\"handle\":\"Cj1\",\"expires\":\"soon\",\"session\":{\"id\":\"a\",\"turns\":1}}]}", "is JSON but not a session file (at $.handles[0].expires)")]
    [InlineData("{\"handles\":[{\"handle\":null,\"expires\":\"2999-01-01T00:00:00Z\",\"session\":{\"id\":\"a\",\"turns\":1}}]}", "is JSON but not a session file (at $.handles[0].handle)")]
    [InlineData("{\"handles\":[{\"handle\":\"Cj1\",\"expires\":\"2999-01-01T00:00:00Z\",\"session\":{\"id\":\"a\",\"turns\":1,\"log\":[null]}}]}", "is JSON but not a session file (at $.handles[0].session.log)")]
    public async Task A_corrupt_session_file_stops_the_start_with_one_line_naming_the_file_and_what_is_wrong(string content, string what)
    {
        var file = Path.Combine(_folder, "sessions.json");
        await File.WriteAllTextAsync(file, content);

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(new LiveEmulatorOptions { SessionFile = file }));

        Assert.Equal($"the emulator session file {file} {what}: delete it or point --session-file elsewhere", error.Message);
    }

    [Fact]
    public async Task A_session_file_that_is_not_JSON_keeps_the_parser_error_as_the_inner_exception()
    {
        var file = Path.Combine(_folder, "sessions.json");
        await File.WriteAllTextAsync(file, "{\"handles\":");

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => TestEmulator.StartAsync(new LiveEmulatorOptions { SessionFile = file }));

        Assert.IsType<System.Text.Json.JsonException>(error.InnerException, exactMatch: false);
    }

    [Fact]
    public async Task A_session_file_that_is_a_folder_is_an_IOException_in_one_line()
    {
        var error = await Assert.ThrowsAsync<IOException>(() => TestEmulator.StartAsync(new LiveEmulatorOptions { SessionFile = _folder }));

        Assert.Equal($"the emulator session file {_folder} is a folder: point --session-file at a file", error.Message);
    }

    [Fact]
    public async Task A_session_file_whose_folder_cannot_be_made_is_an_IOException_in_one_line_naming_it()
    {
        var blocker = Path.Combine(_folder, "a-file");
        await File.WriteAllTextAsync(blocker, "");
        var file = Path.Combine(blocker, "sessions.json");

        var error = await Assert.ThrowsAsync<IOException>(() => TestEmulator.StartAsync(new LiveEmulatorOptions { SessionFile = file }));

        Assert.StartsWith($"the emulator session file {file} cannot be read or its folder made (", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
        Assert.NotNull(error.InnerException);
    }

    [Fact]
    public async Task A_session_file_and_the_folder_made_for_it_are_the_owners_alone()
    {
        var folder = Path.Combine(_folder, "made", "for-it");
        var file = Path.Combine(folder, "sessions.json");
        await using (var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = file }))
        {
            await IssueHandleAsync(emulator);
        }

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.Equal(OwnerReadWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(folder)!));
    }

    [Fact]
    public async Task A_session_file_rewritten_over_a_readable_one_and_a_leftover_temporary_file_is_the_owners_alone()
    {
        var file = Path.Combine(_folder, "sessions.json");
        var readable = OwnerReadWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
        await File.WriteAllTextAsync(file, """{"handles":[]}""");
        await File.WriteAllTextAsync(file + ".tmp", "left by a crash");
        File.SetUnixFileMode(file, readable);
        File.SetUnixFileMode(file + ".tmp", readable);

        await using (var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { ReplyChunks = 1, SessionFile = file }))
        {
            await IssueHandleAsync(emulator);
        }

        Assert.Equal(OwnerReadWrite, File.GetUnixFileMode(file));
        Assert.Contains("\"handle\":\"Cj", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_alone_with_a_corrupt_session_file_it_exits_with_2_and_one_line_on_stderr()
    {
        var file = Path.Combine(_folder, "sessions.json");
        await File.WriteAllTextAsync(file, "not json");
        using var emulator = EmulatorProcess.Start("--session-file", file, "--port", "0");

        Assert.Equal(2, await emulator.ExitCodeAsync());
        Assert.Equal(
            $"the emulator session file {file} is not valid JSON (line 1): delete it or point --session-file elsewhere\n",
            (await emulator.ErrorsAsync()).ReplaceLineEndings("\n"));
        Assert.Equal("", await emulator.Output.ReadToEndAsync());
    }

    [Theory]
    [InlineData("--port", "99999999999", "--port takes a whole number from 0 to 65535, not '99999999999'.")]
    [InlineData("--port", "70000", "--port takes a whole number from 0 to 65535, not '70000'.")]
    [InlineData("--fault", "drop=99999999999", "Value was either too large or too small for an Int32.")]
    public async Task Run_alone_with_an_argument_out_of_range_it_exits_with_2_and_one_line_on_stderr(string option, string value, string line)
    {
        using var emulator = EmulatorProcess.Start(option, value);

        Assert.Equal(2, await emulator.ExitCodeAsync());
        Assert.Equal(line + "\n", (await emulator.ErrorsAsync()).ReplaceLineEndings("\n"));
    }

    private static async Task IssueHandleAsync(LiveEmulator emulator)
    {
        await using var client = await WireClient.ConnectAsync(emulator);
        await client.SetupAsync(sessionResumption: "{}");
        await client.ReceiveAsync();
        await client.SendTextTurnAsync("one");
        await client.ReceiveTurnAsync();
        Assert.True((await client.ReceiveAsync()).Has("sessionResumptionUpdate", "newHandle"));
    }
}
