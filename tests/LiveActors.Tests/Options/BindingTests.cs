using Akka.Configuration;
using LiveActors.Errors;
using LiveActors.Options;
using Microsoft.Extensions.Configuration;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Options;

public sealed class BindingTests
{
    [Fact]
    public void HOCON_overrides_defaults_and_leaves_the_rest()
    {
        var config = ConfigurationFactory.ParseString("""
            live-actors {
              auth-strategy = vertex-ai
              model = gemini-live-2.5-flash
              project-id = my-project
              location = europe-west4
              credentials-file = "/secrets/sa.json"
              timeout = 10s
              retry { attempts = 5, delay = 2000ms, backoff = 1.5, max-delay = 1m, jitter = 0.2 }
              max-inbound-message-size = 4 MiB
              session-resumption.transparent = on
              session-resumption.uncertain-messages = resend-realtime-audio
              transport { http-version = 2-only, proxy = "http://proxy.internal:3128", receive-buffer-size = 64 KiB }
            }
            """);

        var options = LiveConnectionOptions.FromConfig(config);

        Assert.Equal(AuthStrategy.VertexAi, options.AuthStrategy);
        Assert.Equal("gemini-live-2.5-flash", options.Model);
        Assert.Equal("my-project", options.ProjectId);
        Assert.Equal("europe-west4", options.Location);
        Assert.Equal("/secrets/sa.json", options.CredentialsFile);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Timeout);
        Assert.Equal(new RetryOptions { Attempts = 5, Delay = TimeSpan.FromSeconds(2), Backoff = 1.5, MaxDelay = TimeSpan.FromMinutes(1), Jitter = 0.2 }, options.Retry);
        Assert.Equal(4L * 1024 * 1024, options.MaxInboundMessageSize);
        Assert.True(options.SessionResumption.Transparent);
        Assert.True(options.SessionResumption.Enabled);
        Assert.Equal(UncertainDelivery.ResendRealtimeAudio, options.SessionResumption.UncertainMessages);
        Assert.Equal(TimeSpan.FromSeconds(5), options.CloseTimeout);
        Assert.Equal(LiveHttpVersion.Http2Only, options.Transport.HttpVersion);
        Assert.Equal("http://proxy.internal:3128", options.Transport.Proxy);
        Assert.Equal(64 * 1024, options.Transport.ReceiveBufferSize);
    }

    [Fact]
    public void IConfiguration_overrides_defaults_with_PascalCase_keys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveActors:Model"] = "gemini-3.8-live",
            ["LiveActors:ApiKey"] = "k",
            ["LiveActors:BaseAddress"] = "http://127.0.0.1:5000",
            ["LiveActors:Timeout"] = "00:00:12",
            ["LiveActors:Retry:Attempts"] = "7",
            ["LiveActors:Retry:MaxDelay"] = "45s",
            ["LiveActors:OutboundQueue:MaxBytes"] = "1048576",
            ["LiveActors:InboxMaxBytes"] = "64 KiB",
            ["LiveActors:SessionResumption:Enabled"] = "false",
        }).Build();

        var options = LiveConnectionOptions.FromConfiguration(configuration.GetSection("LiveActors"));

        Assert.Equal("gemini-3.8-live", options.Model);
        Assert.Equal("k", options.ApiKey);
        Assert.Equal(new Uri("http://127.0.0.1:5000"), options.BaseAddress);
        Assert.Equal(TimeSpan.FromSeconds(12), options.Timeout);
        Assert.Equal(7, options.Retry.Attempts);
        Assert.Equal(TimeSpan.FromSeconds(45), options.Retry.MaxDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.Retry.Delay);
        Assert.Equal(1_048_576, options.OutboundQueue.MaxBytes);
        Assert.Equal(64 * 1024, options.InboxMaxBytes);
        Assert.False(options.SessionResumption.Enabled);
    }

    [Fact]
    public void A_value_that_does_not_parse_names_its_option()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retry:Delay"] = "soon",
        }).Build();

        var error = Assert.Throws<LiveConnectionException>(() => LiveConnectionOptions.FromConfiguration(configuration));

        var invalid = Assert.IsType<InvalidOption>(error.Error);
        Assert.Equal("Retry.Delay", invalid.Option);
        Assert.Equal("retry.delay", invalid.ConfigKey);
        Assert.Contains("soon", invalid.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("30s", 30_000)]
    [InlineData("500ms", 500)]
    [InlineData("500 ms", 500)]
    [InlineData("250", 250)]
    [InlineData("2 minutes", 120_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("1h", 3_600_000)]
    [InlineData("00:00:30", 30_000)]
    public void Durations_parse_in_HOCON_and_dotnet_forms(string text, double milliseconds) =>
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), SettingParsers.Duration("timeout", text));

    [Theory]
    [InlineData("16 MiB", 16L * 1024 * 1024)]
    [InlineData("16MiB", 16L * 1024 * 1024)]
    [InlineData("512K", 512L * 1024)]
    [InlineData("1MB", 1_000_000)]
    [InlineData("1kB", 1_000)]
    [InlineData("4096", 4096)]
    [InlineData("1 GiB", 1024L * 1024 * 1024)]
    public void Sizes_parse_in_HOCON_forms(string text, long bytes) =>
        Assert.Equal(bytes, SettingParsers.Size("max-inbound-message-size", text));

    [Theory]
    [InlineData("gemini-api", AuthStrategy.GeminiApi)]
    [InlineData("gemini", AuthStrategy.GeminiApi)]
    [InlineData("vertex_ai", AuthStrategy.VertexAi)]
    [InlineData("VertexAi", AuthStrategy.VertexAi)]
    public void Auth_strategies_accept_gemini_ex_and_dotnet_spellings(string text, AuthStrategy expected) =>
        Assert.Equal(expected, SettingParsers.Strategy("auth-strategy", text));

    [Theory]
    [InlineData("fast")]
    [InlineData("10 parsecs")]
    [InlineData("")]
    public void Bad_durations_are_typed_errors(string text) =>
        Assert.IsType<InvalidOption>(Assert.Throws<LiveConnectionException>(() => SettingParsers.Duration("close-timeout", text)).Error);

    [Fact]
    public void Uncertain_messages_defaults_to_report_and_a_wrong_value_names_the_key_and_the_choices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveActors:SessionResumption:UncertainMessages"] = "resend-some",
        }).Build();

        var error = Assert.Throws<LiveConnectionException>(() => LiveConnectionOptions.FromConfiguration(configuration.GetSection("LiveActors")));

        Assert.Equal(UncertainDelivery.Report, new LiveConnectionOptions().SessionResumption.UncertainMessages);
        Assert.Contains("session-resumption.uncertain-messages", error.Message, StringComparison.Ordinal);
        Assert.Contains("report, resend-realtime-audio or resend-all", error.Message, StringComparison.Ordinal);
    }
}
