using System.Buffers.Binary;
using System.Text;
using LiveActors.Emulator;
using LiveActors.Emulator.Faults;
using LiveActors.Host;
using Xunit.Abstractions;

namespace LiveActors.Tests.HostApp;

/// <summary>The command-line host end to end, through its entry point, against the emulator it starts itself.</summary>
/// <remarks>Each run's whole output goes to the test's log, so a failed assertion shows all of it, not xUnit's cut.</remarks>
public sealed class HostTests(ITestOutputHelper log)
{
    [Fact]
    public async Task The_default_run_holds_a_turn_shows_status_and_telemetry_and_exits_0()
    {
        var (code, output, error) = await RunAsync("--emulator");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Matches("""^emulator at ws://127\.0\.0\.1:\d+""", output);
        Assert.Contains("> " + HostArguments.DefaultPrompt, output, StringComparison.Ordinal);
        Assert.Contains("[connected]", output, StringComparison.Ordinal);
        Assert.Contains($"Turn 1: you said \"{HostArguments.DefaultPrompt}\"", output, StringComparison.Ordinal);
        Assert.Contains("[closed]", output, StringComparison.Ordinal);
        // The meter is process-wide and other tests run sessions meanwhile: the labels are checked, not the counts.
        Assert.Matches(@"\[telemetry: messages sent \d+ \([\d.]+ (B|KiB|MiB)\), messages received \d+ \([\d.]+ (B|KiB|MiB)\), connect time \d+ ms(, \d+ ms)*, retries \d+\]", output);
    }

    [Fact]
    public async Task With_ephemeral_tokens_every_connection_gets_its_own_single_use_token_and_the_call_goes_on_after_a_drop()
    {
        var (code, output, error) = await RunAsync("--emulator", "--ephemeral-tokens", "--emulator-fault", "drop", "--prompt", "first");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("[reconnected; session resumed]", output, StringComparison.Ordinal); // a used token would be refused
        Assert.Contains("Turn 1: you said \"first\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ephemeral_tokens_with_vertex_is_one_line_that_says_why()
    {
        var (code, _, error) = await RunAsync("--vertex", "--ephemeral-tokens");

        Assert.NotEqual(0, code);
        Assert.Contains("--ephemeral-tokens is for the Gemini API", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("drop", "[disconnected: connection_failed")]
    [InlineData("go-away", "[goAway: the server ends this connection in 10 s")]
    public async Task An_emulator_fault_shows_the_session_resume_and_the_conversation_go_on(string fault, string shown)
    {
        var (code, output, _) = await RunAsync("--emulator", "--emulator-fault", fault, "--prompt", "first");

        Assert.Equal(0, code);
        Assert.Contains(shown, output, StringComparison.Ordinal);
        Assert.Contains("[reconnected; session resumed]", output, StringComparison.Ordinal);
        Assert.Contains("Turn 1: you said \"first\"", output, StringComparison.Ordinal);
        Assert.Contains("Turn 2: you said \"Are you still there?\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audio_in_is_sent_as_realtime_input_and_the_reply_is_written_as_a_valid_24_kHz_WAV()
    {
        var folder = Directory.CreateTempSubdirectory("liveactors-host-").FullName;
        var input = Path.Combine(folder, "in.wav");
        var output = Path.Combine(folder, "out.wav");
        WriteWav(input, new byte[32_000], 16_000); // one second of silence

        var (code, text, error) = await RunAsync("--emulator", "--audio-in", input, "--audio-out", output, "--transcribe");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Contains("[you: 1000 ms of audio]", text, StringComparison.Ordinal);
        Assert.Contains("[model: Turn 1: I heard 1000 ms of audio.]", text, StringComparison.Ordinal);
        var wav = await File.ReadAllBytesAsync(output);
        Assert.Equal("RIFF", Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal("WAVEfmt ", Encoding.ASCII.GetString(wav, 8, 8));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20))); // PCM
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22))); // mono
        Assert.Equal(24_000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)));
        Assert.Equal(48_000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40))); // one second at 24 kHz
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
    }

    [Fact]
    public async Task Interactive_mode_takes_a_turn_per_line_until_an_empty_line()
    {
        var (code, output, _) = await RunAsync(new StringReader("second line\nthird line\n\nnot read\n"), "--emulator", "--interactive", "--prompt", "first");

        Assert.Equal(0, code);
        Assert.Contains("Turn 2: you said \"second line\"", output, StringComparison.Ordinal);
        Assert.Contains("Turn 3: you said \"third line\"", output, StringComparison.Ordinal);
        Assert.DoesNotContain("not read", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, "unknown option --bogus", "--bogus")]
    [InlineData(2, "--model needs a value", "--model")]
    [InlineData(2, "--emulator-fault must be drop, go-away or give-up", "--emulator-fault", "flood")]
    [InlineData(2, "--tools must be echo", "--tools", "calculator")]
    [InlineData(2, "--state keeps a session: add --session ID", "--state", "x.db")]
    [InlineData(2, "--session needs a value", "--session")]
    [InlineData(2, "Option ApiVersion (live-actors.api-version) must be one of", "--emulator", "--api-version", "v9")]
    public async Task A_bad_option_is_one_line_that_says_what_to_fix_and_a_non_zero_exit(int expected, string says, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(expected, code);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(says, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_audio_file_is_one_line_and_a_stack_trace_only_with_verbose()
    {
        var folder = Directory.CreateTempSubdirectory("liveactors-host-").FullName;
        var broken = Path.Combine(folder, "broken.wav");
        await File.WriteAllBytesAsync(broken, [.. "RIFF"u8, 0, 0, 0, 0, .. "WAVE"u8]);

        var (quiet, _, error) = await RunAsync("--emulator", "--audio-in", broken);
        var (_, _, verbose) = await RunAsync("--emulator", "--audio-in", broken, "--verbose");

        Assert.NotEqual(0, quiet);
        Assert.Contains("has no data chunk", Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
        Assert.Contains("   at ", verbose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_every_option_and_the_exit_codes()
    {
        var (code, output, _) = await RunAsync("--help");

        Assert.Equal(0, code);
        Assert.All(HostArguments.Usage, option => Assert.Contains(option.Flag, output, StringComparison.Ordinal));
        Assert.Contains("exit codes:", output, StringComparison.Ordinal);
        Assert.All(ExitCodes.All, exit => Assert.Matches($@"(?m)^  {exit.Code} +{System.Text.RegularExpressions.Regex.Escape(exit.Meaning)}", output));
    }

    [Fact]
    public async Task A_session_that_gives_up_ends_the_host_at_once_with_exit_1_and_its_reason_in_one_line()
    {
        // The first connection drops at the prompt; every reconnect is refused with 403, which is not retried.
        var (code, output, error) = await RunAsync("--emulator", "--emulator-fault", "give-up", "--prompt", "first");

        Assert.Equal(ExitCodes.SessionFailed, code);
        Assert.Contains("[gave up: upgrade_failed", output, StringComparison.Ordinal);
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: The server refused the WebSocket upgrade with HTTP 403: The caller does not have permission; check the API key", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_audio_out_path_that_cannot_be_written_is_one_line_and_exit_2_before_the_session_starts()
    {
        var missing = Path.Combine(Directory.CreateTempSubdirectory("liveactors-host-").FullName, "no-such-folder", "reply.wav");

        var (code, output, error) = await RunAsync("--emulator", "--audio-out", missing);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output); // no emulator line, no session
        var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: --audio-out: {missing} cannot be written", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_without_audio_says_so_and_writes_no_file()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("liveactors-host-").FullName, "reply.wav");
        // Every served model answers in audio; an emulator whose first reply is a flood of text chunks answers without it.
        await using var emulator = await LiveEmulator.StartAsync();
        emulator.ScriptNextConnection(EmulatorFault.Flood(3));

        await using var host = HostProcess.Start(log, ["--base-address", emulator.BaseAddress.ToString(), "--audio-out", path, "--prompt", "text only"], apiKey: "test-key");
        var (code, output, _) = await host.WaitForExitAsync();

        Assert.Equal(0, code);
        Assert.Contains("flood flood flood", output, StringComparison.Ordinal);
        Assert.Contains("[no audio in the reply; nothing written]", output, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task An_audio_in_that_is_a_directory_says_it_is_a_directory()
    {
        var folder = Directory.CreateTempSubdirectory("liveactors-host-").FullName;

        var (code, output, error) = await RunAsync("--emulator", "--audio-in", folder);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Equal($"error: --audio-in: {folder} is a directory; give a 16 kHz 16-bit mono WAV file.",
            Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Vertex_options_that_fail_print_nothing_before_their_error()
    {
        var (code, output, error) = await RunAsync("--vertex", "--project", "p", "--model", " ");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Contains("Model", Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vertex_with_the_emulator_runs_the_emulators_Vertex_AI_path()
    {
        var (code, output, error) = await RunAsync("--vertex", "--emulator", "--prompt", "over vertex");

        Assert.Equal(0, code);
        Assert.Empty(error);
        Assert.Matches("""^emulator at ws://127\.0\.0\.1:\d+, Vertex AI path""", output);
        Assert.Contains("Turn 1: you said \"over vertex\"", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--tools", "echo" }, "[answered echo: {\"output\":{\"city\":\"Paris\"}}]", "Turn 2: echo returned {\"output\":{\"city\":\"Paris\"}}")]
    [InlineData(new string[0], "[answered echo: {\"error\":\"this host has no tool named echo;", "Turn 2: echo returned {\"error\"")]
    public async Task A_tool_call_in_interactive_mode_is_shown_and_answered(string[] tools, string answered, string reply)
    {
        var input = new StringReader("tool:echo {\"city\":\"Paris\"}\n\n");

        // 2.5 native audio: its calls are BLOCKING by default, so the reply waits for the answer (3.8's are NON_BLOCKING).
        var (code, output, _) = await RunAsync(input, ["--emulator", "--interactive", "--prompt", "first", "--model", "gemini-2.5-flash-native-audio-preview-12-2025", .. tools]);

        Assert.Equal(0, code);
        Assert.Contains("[tool call echo {\"city\":\"Paris\"}]", output, StringComparison.Ordinal);
        Assert.Contains(answered, output, StringComparison.Ordinal);
        Assert.Contains(reply, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_runs_with_the_same_session_and_state_file_hold_one_conversation()
    {
        var state = Path.Combine(Path.GetTempPath(), $"host-state-{Guid.NewGuid():N}.db");
        try
        {
            var (firstCode, first, _) = await RunAsync("--emulator", "--session", "call-1", "--state", state, "--prompt", "first");
            var (secondCode, second, secondError) = await RunAsync("--emulator", "--session", "call-1", "--state", state, "--prompt", "second");

            Assert.Equal(0, firstCode);
            Assert.Contains("Turn 1: you said \"first\"", first, StringComparison.Ordinal);
            Assert.Contains($"[session 'call-1' kept in {state}", first, StringComparison.Ordinal);
            Assert.DoesNotContain("[closed]", first, StringComparison.Ordinal);
            Assert.Equal(0, secondCode);
            Assert.Empty(secondError);
            Assert.Contains("[connected; session resumed from its stored handle]", second, StringComparison.Ordinal);
            Assert.Contains("Turn 2: you said \"second\"", second, StringComparison.Ordinal); // the emulator's turn counter goes on
        }
        finally
        {
            DeleteState(state);
        }
    }

    [Fact]
    public async Task A_different_session_id_on_the_same_file_is_a_new_conversation()
    {
        var state = Path.Combine(Path.GetTempPath(), $"host-state-{Guid.NewGuid():N}.db");
        try
        {
            await RunAsync("--emulator", "--session", "call-1", "--state", state, "--prompt", "first");
            var (code, output, _) = await RunAsync("--emulator", "--session", "call-2", "--state", state, "--prompt", "other");

            Assert.Equal(0, code);
            Assert.Contains("[connected]", output, StringComparison.Ordinal);
            Assert.Contains("Turn 1: you said \"other\"", output, StringComparison.Ordinal);
        }
        finally
        {
            DeleteState(state);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public async Task A_blank_session_id_is_exit_2_with_one_line(string session)
    {
        var (code, output, error) = await RunAsync("--emulator", "--session", session);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Equal("error: --session needs an id that is not blank, such as --session call-1.", Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_state_file_that_is_not_a_database_is_exit_2_with_one_line_before_anything_starts()
    {
        var state = Path.Combine(Directory.CreateTempSubdirectory("liveactors-host-").FullName, "notes.txt");
        await File.WriteAllTextAsync(state, string.Concat(Enumerable.Repeat("not a database. ", 128)));

        var (code, output, error) = await RunAsync("--emulator", "--session", "call-1", "--state", state, "--prompt", "first");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output); // no emulator line, no session
        Assert.Equal($"error: --state: {state} is not a SQLite database; give the file an earlier run kept its session in, or a new name.",
            Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task A_corrupt_emulator_session_file_is_exit_2_with_one_line_that_names_it()
    {
        var state = Path.Combine(Path.GetTempPath(), $"host-state-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(LiveHost.EmulatorSessionFile(state), "{ \"handles\": [ cut off");
        try
        {
            var (code, output, error) = await RunAsync("--emulator", "--session", "call-1", "--state", state, "--prompt", "first");

            Assert.Equal(ExitCodes.BadInput, code);
            Assert.Empty(output);
            var line = Assert.Single(error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: --state: ", line, StringComparison.Ordinal);
            Assert.Contains(LiveHost.EmulatorSessionFile(state), line, StringComparison.Ordinal);
            Assert.EndsWith("; delete it to start the session afresh.", line, StringComparison.Ordinal);
        }
        finally
        {
            DeleteState(state);
        }
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_kept_sessions_state_and_its_new_folder_are_for_the_owner_only()
    {
        var folder = Path.Combine(Directory.CreateTempSubdirectory("liveactors-host-").FullName, "kept");
        var state = Path.Combine(folder, "sessions.db");

        var (code, _, _) = await RunAsync("--emulator", "--session", "call-1", "--state", state, "--prompt", "first");

        Assert.Equal(0, code);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        // SQLite makes its journal files with the database's mode: whichever are left must be private too.
        var files = Directory.GetFiles(folder, "sessions.db*").Where(file => file != LiveHost.EmulatorSessionFile(state)).ToList();
        Assert.Contains(state, files);
        Assert.All(files, file => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file)));
    }

    /// <summary>Deletes a state file, its SQLite companions, its lock files and the emulator's session file beside it.</summary>
    private static void DeleteState(string state)
    {
        foreach (var file in new[] { state, state + "-wal", state + "-shm", state + "-journal", LiveHost.EmulatorSessionFile(state) })
        {
            File.Delete(file);
        }

        foreach (var session in new[] { "call-1", "call-2" })
        {
            File.Delete(SessionLock.PathFor(state, session));
        }
    }

    private Task<(int Code, string Output, string Error)> RunAsync(params string[] args) => RunAsync(new StringReader(""), args);

    private async Task<(int Code, string Output, string Error)> RunAsync(TextReader input, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await LiveHost.RunAsync(args, output, error, input, inputIsTerminal: false).WaitAsync(TimeSpan.FromSeconds(60));
        log.WriteLine($"liveactors-host {string.Join(' ', args)}: exit {code}{Environment.NewLine}{output}{error}");
        return (code, output.ToString(), error.ToString());
    }

    private static void WriteWav(string path, byte[] pcm, int rate)
    {
        var header = new byte[44];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), 36 + pcm.Length);
        "WAVEfmt "u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(20), 1);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(22), 1);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(24), rate);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(28), rate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(34), 16);
        "data"u8.CopyTo(header.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(40), pcm.Length);
        File.WriteAllBytes(path, [.. header, .. pcm]);
    }
}
