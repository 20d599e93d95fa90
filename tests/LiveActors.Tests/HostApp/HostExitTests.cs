using LiveActors.Host;
using Xunit.Abstractions;

namespace LiveActors.Tests.HostApp;

/// <summary>
/// The host as a real process always exits, with a code that says why and one line on stderr: give-ups (after retries,
/// during connect, during a turn, at a blackhole), and Ctrl+C. That it does not hang is counted in steps (the attempts it
/// made), never in wall-clock time; <see cref="HostProcess.WaitForExitAsync"/> fails a host that never exits.
/// </summary>
[Collection(HostProcessCollection.Name)]
public sealed class HostExitTests(ITestOutputHelper log)
{
    [Fact]
    public async Task A_give_up_after_retried_failures_ends_the_host_after_its_retries_with_exit_1()
    {
        // Refused connects, retried twice (two Disconnected before the give-up): the case that used to hang for ever.
        var endpoint = LoopbackEndpoints.ClosedPort();
        await using var host = HostProcess.Start(log, ["--base-address", endpoint.ToString(), "--retries", "2", "--timeout", "2", "--prompt", "hello"], apiKey: "test-key");

        var (code, output, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.SessionFailed, code);
        Assert.Equal(2, output.Split('\n').Count(line => line.StartsWith("[disconnected:", StringComparison.Ordinal) && line.Contains("retrying", StringComparison.Ordinal)));
        var line = SingleLine(error);
        Assert.StartsWith("error: Gave up after 3 attempts; the last error was open_failed: Could not open a connection", line, StringComparison.Ordinal);
        Assert.EndsWith("; check the network, DNS, a proxy and the address (--base-address), then run again.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_give_up_during_connect_ends_the_host_at_once_with_exit_1()
    {
        var endpoint = LoopbackEndpoints.ClosedPort();
        await using var host = HostProcess.Start(log, ["--base-address", endpoint.ToString(), "--retries", "0", "--timeout", "2", "--prompt", "hello"], apiKey: "test-key");

        var (code, _, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.SessionFailed, code);
        var line = SingleLine(error);
        Assert.StartsWith("error: Gave up after 1 attempts; the last error was open_failed", line, StringComparison.Ordinal);
        Assert.Contains("check the network", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_give_up_during_a_turn_ends_the_host_with_exit_1_and_what_to_try()
    {
        // The emulator drops the first connection at the prompt and refuses every reconnect with 403.
        await using var host = HostProcess.Start(log, ["--emulator", "--emulator-fault", "give-up", "--prompt", "first"]);

        var (code, output, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.SessionFailed, code);
        Assert.Contains("[gave up: upgrade_failed", output, StringComparison.Ordinal);
        Assert.Equal(
            "error: The server refused the WebSocket upgrade with HTTP 403: The caller does not have permission; "
            + "check the API key (GEMINI_API_KEY / GOOGLE_API_KEY) or the Vertex AI credentials, and their access to the model.",
            SingleLine(error));
    }

    [Fact]
    public async Task A_blackholed_endpoint_times_out_each_connect_and_ends_the_host_after_its_retries()
    {
        await using var blackhole = new Blackhole();
        await using var host = HostProcess.Start(log, ["--base-address", blackhole.Address.ToString(), "--retries", "1", "--timeout", "2", "--prompt", "hello"], apiKey: "test-key");

        var (code, _, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.SessionFailed, code);
        Assert.Equal(2, blackhole.Connections);
        var line = SingleLine(error);
        Assert.StartsWith("error: Gave up after 2 attempts; the last error was upgrade_timeout: The connection was not ready within 2 s", line, StringComparison.Ordinal);
        Assert.EndsWith("allow longer with --timeout.", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_C_in_interactive_mode_closes_the_session_cleanly_and_exits_130()
    {
        await using var host = HostProcess.Start(log, ["--emulator", "--interactive", "--prompt", "first"], keepInputOpen: true);
        await host.WaitForLineAsync(line => line.StartsWith("[type a line for each turn", StringComparison.Ordinal));

        await host.InterruptAsync();
        var (code, output, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.Interrupted, code);
        Assert.Contains("[stopping]", output, StringComparison.Ordinal);
        Assert.Contains("[closed]", output, StringComparison.Ordinal);
        Assert.Matches(@"\[telemetry: ", output);
        Assert.Equal("stopped: the session was closed.", SingleLine(error));
    }

    [Fact]
    public async Task A_base_address_without_credentials_is_exit_2_and_names_the_missing_key()
    {
        await using var host = HostProcess.Start(log, ["--base-address", LoopbackEndpoints.ClosedPort().ToString(), "--prompt", "hello"]);

        var (code, output, error) = await host.WaitForExitAsync();

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Empty(output);
        Assert.Contains("GEMINI_API_KEY", SingleLine(error), StringComparison.Ordinal);
    }

    internal static string SingleLine(string error) => Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
}
