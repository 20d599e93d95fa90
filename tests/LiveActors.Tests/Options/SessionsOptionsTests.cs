using Akka.Configuration;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Sessions;

namespace LiveActors.Tests.Options;

/// <summary>A region's options: the defaults of Akka.conf, HOCON on top, and a typed error for a bad value.</summary>
public sealed class SessionsOptionsTests
{
    private static readonly LiveSessionsOptions Defaults = new(_ => new LiveConnectionOptions());

    [Fact]
    public void The_defaults_are_those_of_Akka_conf()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), Defaults.PassivateAfter);
        Assert.Equal(10_000, Defaults.MaxOpenSessions);
        Assert.True(Defaults.Persistence);
        Assert.Equal(TimeSpan.FromHours(2), Defaults.HandleValidity);
        Assert.False(Defaults.RecoverOpenSessions);
        Assert.Equal(1024, Defaults.MaxBufferedPerSession);
    }

    [Fact]
    public void Every_sessions_key_a_HOCON_section_sets_is_applied()
    {
        var config = ConfigurationFactory.ParseString("""
            live-actors.sessions {
              passivate-after = off
              max-open = 50
              persistence = off
              handle-validity = 30m
              recover-open = on
              max-buffered = 16
            }
            """);

        var options = Defaults.OverriddenBy(config);

        Assert.Null(options.PassivateAfter);
        Assert.Equal(50, options.MaxOpenSessions);
        Assert.False(options.Persistence);
        Assert.Equal(TimeSpan.FromMinutes(30), options.HandleValidity);
        Assert.True(options.RecoverOpenSessions);
        Assert.Equal(16, options.MaxBufferedPerSession);
    }

    [Fact]
    public void A_bad_value_names_its_key()
    {
        var config = ConfigurationFactory.ParseString("live-actors.sessions.recover-open = sometimes");

        var error = Assert.Throws<LiveConnectionException>(() => Defaults.OverriddenBy(config));

        Assert.Contains("sessions.recover-open", error.Message, StringComparison.Ordinal);
    }
}
