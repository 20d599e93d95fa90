using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Options;
using LiveActors.Sessions;
using Xunit.Abstractions;
using static LiveActors.Errors.ConnectionError;

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
        Model = "gemini-3.8-live", ApiKey = "test-key", BaseAddress = new Uri("ws://127.0.0.1:9"),
    };

    [Fact]
    public void A_session_with_a_connect_timeout_past_the_limit_is_refused_when_it_starts()
    {
        var error = Assert.Throws<LiveConnectionException>(() => LiveConnection.Start(Sys, Options with { Timeout = TimeSpan.FromDays(30) }));

        var invalid = Assert.IsType<InvalidOption>(error.Error);
        Assert.Equal("timeout", invalid.ConfigKey);
        Assert.Contains("(was 30.00:00:00)", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_session_with_an_inbox_of_int_MaxValue_messages_is_refused_when_it_starts()
    {
        var error = Assert.Throws<LiveConnectionException>(() => LiveConnection.Start(Sys, Options with { InboxCapacity = int.MaxValue }));

        Assert.Equal("inbox-capacity", Assert.IsType<InvalidOption>(error.Error).ConfigKey);
    }

    [Fact]
    public void A_region_with_a_cap_past_its_range_is_refused_when_it_starts()
    {
        var options = new LiveSessionsOptions(_ => Options) { MaxOpenSessions = int.MaxValue };

        var error = Assert.Throws<LiveConnectionException>(() => Sys.ActorOf(LiveSessions.Props(options)));

        Assert.Equal("sessions.max-open", Assert.IsType<InvalidOption>(error.Error).ConfigKey);
    }

    [Fact]
    public async Task The_longest_durations_start_a_session_that_answers_and_closes()
    {
        var longest = TimeSpan.FromMilliseconds(int.MaxValue);
        var connection = LiveConnection.Start(Sys, Options with { Timeout = longest, CloseTimeout = longest, ReceiveTimeout = longest });

        Assert.NotNull(await connection.GetStatusAsync()); // its constructor took them: it is alive
        await connection.CloseAsync(); // waits on close-timeout twice over, still within what an ask can wait
    }
}
