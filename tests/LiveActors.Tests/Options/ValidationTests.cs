using LiveActors.Errors;
using LiveActors.Options;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Options;

public sealed class ValidationTests
{
    private static readonly LiveConnectionOptions Valid = new() { Model = "gemini-3.8-live", ApiKey = "test-key" };

    private static readonly LiveConnectionOptions ValidVertex =
        new() { Model = "gemini-live-2.5-flash", AuthStrategy = AuthStrategy.VertexAi, ProjectId = "my-project" };

    [Fact]
    public void Valid_options_have_no_errors()
    {
        Assert.Empty(Valid.Validate());
        Assert.Empty(ValidVertex.Validate());
        Assert.Same(Valid, Valid.ThrowIfInvalid());
    }

    [Fact]
    public void No_model_is_an_invalid_option_named_model()
    {
        var error = Assert.Single((Valid with { Model = " " }).Validate());
        var invalid = Assert.IsType<InvalidOption>(error);
        Assert.Equal("Model", invalid.Option);
        Assert.Contains("required", invalid.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_are_not_options_errors_they_are_looked_up_when_a_session_starts()
    {
        // The key, project and credential may come from the environment; CredentialResolutionTests cover that step.
        Assert.Empty((Valid with { ApiKey = null }).Validate());
        Assert.Empty((ValidVertex with { ProjectId = null }).Validate());
    }

    public static TheoryData<string, LiveConnectionOptions> InvalidCases() => new()
    {
        { "Timeout", Valid with { Timeout = TimeSpan.Zero } },
        { "Transport.ReceiveBufferSize", Valid with { Transport = new TransportOptions { ReceiveBufferSize = 10 } } },
        { "Transport.Proxy", Valid with { Transport = new TransportOptions { Proxy = "socks5://proxy:1080" } } },
        { "Transport.Proxy", Valid with { Transport = new TransportOptions { Proxy = "http://user:secret@proxy:3128" } } },
        { "Timeout", Valid with { Timeout = TimeSpan.FromSeconds(-1) } },
        { "Retry.Delay", Valid with { Retry = new RetryOptions { Delay = TimeSpan.Zero } } },
        { "Retry.Backoff", Valid with { Retry = new RetryOptions { Backoff = 0.5 } } },
        { "Retry.Backoff", Valid with { Retry = new RetryOptions { Backoff = double.NaN } } },
        { "Retry.Attempts", Valid with { Retry = new RetryOptions { Attempts = -1 } } },
        { "Retry.MaxDelay", Valid with { Retry = new RetryOptions { Delay = TimeSpan.FromMinutes(2) } } },
        { "Retry.Jitter", Valid with { Retry = new RetryOptions { Jitter = 1.5 } } },
        { "Retry.ResetAfter", Valid with { Retry = new RetryOptions { ResetAfter = TimeSpan.Zero } } },
        { "KeepAliveInterval", Valid with { KeepAliveInterval = TimeSpan.Zero } },
        { "KeepAliveTimeout", Valid with { KeepAliveTimeout = TimeSpan.FromSeconds(-5) } },
        { "CloseTimeout", Valid with { CloseTimeout = TimeSpan.Zero } },
        { "ReceiveTimeout", Valid with { ReceiveTimeout = TimeSpan.Zero } },
        { "ApiVersion", Valid with { ApiVersion = "v2" } },
        { "VertexApiVersion", Valid with { VertexApiVersion = "v1beta" } },
        { "Location", ValidVertex with { Location = "evil.example.com/" } },
        { "ProjectId", ValidVertex with { ProjectId = "a/b" } },
        { "BaseAddress", Valid with { BaseAddress = new Uri("ftp://127.0.0.1") } },
        { "BaseAddress", Valid with { BaseAddress = new Uri("ws://127.0.0.1/?key=secret") } },
        { "MaxInboundMessageSize", Valid with { MaxInboundMessageSize = 10 } },
        { "InboxCapacity", Valid with { InboxCapacity = 0 } },
        { "InboxMaxBytes", Valid with { InboxMaxBytes = 0 } },
        { "OutboundQueue.MaxMessages", Valid with { OutboundQueue = new OutboundQueueOptions { MaxMessages = 0 } } },
        { "OutboundQueue.MaxBytes", Valid with { OutboundQueue = new OutboundQueueOptions { MaxBytes = 0 } } },
        { "SessionResumption.Transparent", Valid with { SessionResumption = new SessionResumptionOptions { Transparent = true } } },
        { "SessionResumption.Transparent", ValidVertex with { SessionResumption = new SessionResumptionOptions { Enabled = false, Transparent = true } } },
    };

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void Each_invalid_value_is_reported_by_option_name(string option, LiveConnectionOptions options)
    {
        var error = Assert.IsType<InvalidOption>(Assert.Single(options.Validate()));
        Assert.Equal(option, error.Option);
        Assert.False(error.IsRetryable);
        Assert.Contains($"Option {option} (live-actors.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_reports_every_problem_at_once()
    {
        var options = new LiveConnectionOptions { Timeout = TimeSpan.Zero, ApiVersion = "v9" };
        Assert.Equal(["Model", "ApiVersion", "Timeout"], options.Validate().Select(e => Assert.IsType<InvalidOption>(e).Option));
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var options = Valid with { ApiKey = "AIzaSuperSecretKey123" };
        var text = options.ToString();
        Assert.DoesNotContain("AIzaSuperSecretKey123", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey = ***", text, StringComparison.Ordinal);
        Assert.Contains("Model = gemini-3.8-live", text, StringComparison.Ordinal);
    }
}
