using System.Net;
using System.Net.WebSockets;
using System.Text.RegularExpressions;
using LiveActors.Emulator.Tests.Support;

namespace LiveActors.Emulator.Tests;

public sealed partial class StandaloneTests
{
    [Fact]
    public async Task Run_alone_its_first_line_is_exactly_listening_and_the_address_serves_sessions()
    {
        using var emulator = EmulatorProcess.Start("--port", "0");
        using var patience = new CancellationTokenSource(WireClient.Patience);

        var first = await emulator.Output.ReadLineAsync(patience.Token);

        var match = Listening().Match(first ?? "");
        Assert.True(match.Success, $"first line was '{first}'");
        await using var client = await WireClient.ConnectAsync(new Uri(match.Groups[1].Value));
        Assert.Equal("setupComplete", (await client.SetupAsync(Paths.ServedModel)).Kind);
    }

    [Fact]
    public async Task Run_alone_it_refuses_names_it_does_not_serve_unless_told_to_accept_them_with_the_legacy_rules()
    {
        using var strict = EmulatorProcess.Start("--port", "0");
        using var legacy = EmulatorProcess.Start("--port", "0", "--unknown-models", "accept-legacy");
        using var patience = new CancellationTokenSource(WireClient.Patience);
        var strictAddress = new Uri(Listening().Match(await strict.Output.ReadLineAsync(patience.Token) ?? "").Groups[1].Value);
        var legacyAddress = new Uri(Listening().Match(await legacy.Output.ReadLineAsync(patience.Token) ?? "").Groups[1].Value);
        await using var refused = await WireClient.ConnectAsync(strictAddress);
        await using var accepted = await WireClient.ConnectAsync(legacyAddress);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, (await refused.SetupAsync()).CloseStatus);
        Assert.Equal("setupComplete", (await accepted.SetupAsync()).Kind);
    }

    [Fact]
    public async Task Faults_given_on_the_command_line_apply_to_the_connections_they_name()
    {
        using var emulator = EmulatorProcess.Start("--port", "0", "--fault", "1:reject=503", "--api-key", "cli-key");
        using var patience = new CancellationTokenSource(WireClient.Patience);
        var address = new Uri(Listening().Match(await emulator.Output.ReadLineAsync(patience.Token) ?? "").Groups[1].Value);
        using var refused = new ClientWebSocket();
        refused.Options.CollectHttpResponseDetails = true;

        await Assert.ThrowsAsync<WebSocketException>(() => refused.ConnectAsync(new Uri(address, Paths.GeminiV1Beta + "?key=cli-key"), patience.Token));
        await using var accepted = await WireClient.ConnectAsync(address, query: "key=cli-key");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.HttpStatusCode);
        Assert.Equal("setupComplete", (await accepted.SetupAsync(Paths.ServedModel)).Kind);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_stop_signal_ends_it_cleanly_with_exit_code_0_even_with_a_session_open(string signal)
    {
        using var emulator = EmulatorProcess.Start("--port", "0");
        using var patience = new CancellationTokenSource(WireClient.Patience);
        var address = new Uri(Listening().Match(await emulator.Output.ReadLineAsync(patience.Token) ?? "").Groups[1].Value);
        await using var client = await WireClient.ConnectAsync(address);
        Assert.Equal("setupComplete", (await client.SetupAsync(Paths.ServedModel)).Kind);

        emulator.Signal(signal);

        Assert.Equal(0, await emulator.ExitCodeAsync());
        Assert.Equal("", await emulator.ErrorsAsync());
    }

    [Fact]
    public async Task An_unknown_option_exits_with_2_and_says_what_is_wrong()
    {
        using var emulator = EmulatorProcess.Start("--prot", "0");

        Assert.Equal(2, await emulator.ExitCodeAsync());
        Assert.Equal("Unknown option --prot; see --help.", (await emulator.ErrorsAsync()).Trim());
    }

    [Fact]
    public async Task Help_lists_the_options_and_the_faults()
    {
        using var emulator = EmulatorProcess.Start("--help");

        var help = await emulator.Output.ReadToEndAsync();

        Assert.Equal(0, await emulator.ExitCodeAsync());
        Assert.Contains("--fault SPEC", help, StringComparison.Ordinal);
        Assert.Contains("stop-reading=N", help, StringComparison.Ordinal);
        Assert.Contains("gemini-3.8-live-extended-thinking", help, StringComparison.Ordinal);
        Assert.Contains("--unknown-models refuse|accept-legacy", help, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"^listening (ws://127\.0\.0\.1:[0-9]+)$")]
    private static partial Regex Listening();
}
