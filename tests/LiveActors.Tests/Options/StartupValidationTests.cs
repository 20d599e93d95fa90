using LiveActors.Facade;
using LiveActors.Options;
using Xunit.Abstractions;

namespace LiveActors.Tests.Options;

/// <summary>
/// An out-of-range option is a typed error when a session or a region starts, before any socket opens: not an actor that
/// dies in its constructor (a connect timeout past HttpClient's limit did) or a timer that throws later.
/// </summary>
public sealed class StartupValidationTests(ITestOutputHelper output) : Akka.TestKit.Xunit2.TestKit("akka.loglevel = WARNING", output: output)
{
    // Nothing listens here: were the options let through, the session would fail to connect, not start cleanly.
    private static readonly LiveConnectionOptions Options = new()
    {
        Model = "gemini-live-2.5-flash-preview", ApiKey = "test-key", BaseAddress = new Uri("ws://127.0.0.1:9"),
    };

    [Fact]
    public async Task The_longest_durations_start_a_session_that_answers_and_closes()
    {
        var longest = TimeSpan.FromMilliseconds(int.MaxValue);
        var connection = LiveConnection.Start(Sys, Options with { Timeout = longest, CloseTimeout = longest, ReceiveTimeout = longest });

        Assert.NotNull(await connection.GetStatusAsync()); // its constructor took them: it is alive
        await connection.CloseAsync(); // waits on close-timeout twice over, still within what an ask can wait
    }
}
