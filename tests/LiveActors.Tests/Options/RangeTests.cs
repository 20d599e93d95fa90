using System.Globalization;
using Akka.Configuration;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Sessions;
using Microsoft.Extensions.Configuration;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Options;

/// <summary>Every numeric option at the edges of its declared range, set in code, in HOCON and in IConfiguration.</summary>
public sealed class RangeTests
{
    private static readonly LiveConnectionOptions Valid = new() { Model = "gemini-3.8-live", ApiKey = "test-key" };
    private static readonly LiveSessionsOptions Region = new(_ => Valid);
    private static readonly TimeSpan Longest = TimeSpan.FromMilliseconds(int.MaxValue);
    private static readonly TimeSpan OneTickTooLong = Longest + TimeSpan.FromTicks(1);

    public static TheoryData<string, LiveConnectionOptions> TooLarge() => new()
    {
        { "Timeout", Valid with { Timeout = TimeSpan.FromDays(30) } },
        { "Timeout", Valid with { Timeout = OneTickTooLong } },
        { "Retry.Attempts", Valid with { Retry = new RetryOptions { Attempts = int.MaxValue } } },
        { "Retry.Backoff", Valid with { Retry = new RetryOptions { Backoff = 100.5 } } },
        { "Retry.Backoff", Valid with { Retry = new RetryOptions { Backoff = double.PositiveInfinity } } },
        { "Retry.MaxDelay", Valid with { Retry = new RetryOptions { MaxDelay = OneTickTooLong } } },
        { "Retry.Jitter", Valid with { Retry = new RetryOptions { Jitter = double.NaN } } },
        { "Retry.ResetAfter", Valid with { Retry = new RetryOptions { ResetAfter = TimeSpan.MaxValue } } },
        { "KeepAliveInterval", Valid with { KeepAliveInterval = OneTickTooLong } },
        { "KeepAliveTimeout", Valid with { KeepAliveTimeout = OneTickTooLong } },
        { "CloseTimeout", Valid with { CloseTimeout = OneTickTooLong } },
        { "ReceiveTimeout", Valid with { ReceiveTimeout = OneTickTooLong } },
        { "MaxInboundMessageSize", Valid with { MaxInboundMessageSize = int.MaxValue } },
        { "MaxInboundMessageSize", Valid with { MaxInboundMessageSize = OptionRanges.MaxMessageBytes + 1 } },
        { "InboxCapacity", Valid with { InboxCapacity = int.MaxValue } },
        { "InboxMaxBytes", Valid with { InboxMaxBytes = long.MaxValue } },
        { "OutboundQueue.MaxMessages", Valid with { OutboundQueue = new OutboundQueueOptions { MaxMessages = int.MaxValue } } },
        { "OutboundQueue.MaxBytes", Valid with { OutboundQueue = new OutboundQueueOptions { MaxBytes = OptionRanges.MaxHeldBytes + 1 } } },
        { "Transport.ReceiveBufferSize", Valid with { Transport = new TransportOptions { ReceiveBufferSize = int.MaxValue } } },
        { "Timeout", Valid with { Timeout = TimeSpan.FromTicks(TimeSpan.TicksPerMillisecond - 1) } },
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public void A_value_past_its_range_is_refused_naming_the_option_the_range_and_the_value(string option, LiveConnectionOptions options)
    {
        var error = Assert.IsType<InvalidOption>(Assert.Single(options.Validate()));

        Assert.Equal(option, error.Option);
        Assert.StartsWith("must be between ", error.Reason, StringComparison.Ordinal);
        Assert.Contains("(was ", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_of_30_days_reads_as_the_issue_asks()
    {
        var error = Assert.Single((Valid with { Timeout = TimeSpan.FromDays(30) }).Validate());

        Assert.Equal(
            "Option Timeout (live-actors.timeout) must be between 1 ms and 2147483647 ms "
            + "(int.MaxValue ms, about 24.8 days: the longest timeout HttpClient takes) (was 30.00:00:00).",
            error.Message);
    }

    [Fact]
    public void The_largest_value_of_each_range_is_accepted_in_code()
    {
        var largest = Valid with
        {
            Timeout = Longest,
            Retry = new RetryOptions
            {
                Attempts = OptionRanges.MaxRetryAttempts, Delay = Longest, Backoff = 100, MaxDelay = Longest, Jitter = 1, ResetAfter = Longest,
            },
            KeepAliveInterval = Longest,
            KeepAliveTimeout = Longest,
            CloseTimeout = Longest,
            ReceiveTimeout = Longest,
            MaxInboundMessageSize = OptionRanges.MaxMessageBytes,
            InboxCapacity = OptionRanges.MaxQueuedMessages,
            InboxMaxBytes = OptionRanges.MaxHeldBytes,
            OutboundQueue = new OutboundQueueOptions { MaxMessages = OptionRanges.MaxQueuedMessages, MaxBytes = OptionRanges.MaxHeldBytes },
            Transport = new TransportOptions { ReceiveBufferSize = (int)OptionRanges.MaxMessageBytes },
        };

        Assert.Empty(largest.Validate());
    }

    [Fact]
    public void A_regions_options_are_held_to_their_ranges_in_code()
    {
        var largest = Region with
        {
            PassivateAfter = Longest, MaxOpenSessions = OptionRanges.MaxOpenSessions, HandleValidity = Longest,
            MaxBufferedPerSession = OptionRanges.MaxQueuedMessages,
        };
        var tooLarge = Region with
        {
            PassivateAfter = OneTickTooLong, MaxOpenSessions = int.MaxValue, HandleValidity = TimeSpan.FromDays(30), MaxBufferedPerSession = int.MaxValue,
        };

        Assert.Empty(largest.Validate());
        Assert.Empty((Region with { PassivateAfter = null, MaxBufferedPerSession = 0 }).Validate());
        Assert.Equal(
            ["PassivateAfter", "MaxOpenSessions", "HandleValidity", "MaxBufferedPerSession"],
            tooLarge.Validate().Select(e => Assert.IsType<InvalidOption>(e).Option));
        Assert.Equal("sessions.handle-validity", Assert.IsType<InvalidOption>((Region with { HandleValidity = TimeSpan.Zero }).Validate().Single()).ConfigKey);
    }

    public static TheoryData<string> Keys()
    {
        var keys = new TheoryData<string>();
        foreach (var range in OptionRanges.All)
        {
            keys.Add(range.Key);
        }

        return keys;
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void In_HOCON_each_bound_is_accepted_and_one_step_past_it_refused(string key)
    {
        var range = OptionRanges.For(key);
        var step = range.Unit == OptionUnit.Factor ? 0.5 : 1;

        Assert.Empty(Bind(key, range.Min));
        Assert.Empty(Bind(key, range.Max));
        foreach (var outside in new[] { range.Min - step, range.Max + step })
        {
            var errors = Bind(key, outside);
            Assert.Single(errors.OfType<InvalidOption>(), e => e.ConfigKey == key);
            var error = errors.OfType<InvalidOption>().First(e => e.ConfigKey == key);
            Assert.Equal(range.Property, error.Option);
            Assert.StartsWith(range.Refusal("~")[..^"(was ~).".Length], error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void IConfiguration_values_past_their_range_are_refused_by_name()
    {
        var options = Valid.OverriddenBy(Configuration(new()
        {
            ["Timeout"] = "2147483648ms",
            ["InboxCapacity"] = "2147483647",
            ["Retry:Attempts"] = "1000001",
        }));

        Assert.Equal(["Timeout", "Retry.Attempts", "InboxCapacity"], options.Validate().Select(e => Assert.IsType<InvalidOption>(e).Option));
        Assert.Empty(Valid.OverriddenBy(Configuration(new() { ["Timeout"] = "2147483647ms", ["InboxCapacity"] = "1048576" })).Validate());
    }

    [Theory]
    [InlineData("Transport:ReceiveBufferSize", "3 GiB", "transport.receive-buffer-size")]
    [InlineData("Retry:Attempts", "3000000000", "retry.attempts")]
    [InlineData("Timeout", "100000000000000000000d", "timeout")]
    [InlineData("InboxMaxBytes", "10000000000 GiB", "inbox-max-bytes")]
    public void A_value_too_large_for_its_type_is_refused_with_its_range_not_cut_or_thrown_raw(string path, string value, string key)
    {
        var error = Assert.Throws<LiveConnectionException>(() => Valid.OverriddenBy(Configuration(new() { [path] = value })));

        var invalid = Assert.IsType<InvalidOption>(error.Error);
        Assert.Equal(key, invalid.ConfigKey);
        Assert.Equal(OptionRanges.For(key).Refusal($"'{value}'"), invalid.Reason);
    }

    private static IReadOnlyList<ConnectionError> Bind(string key, double value)
    {
        var text = value.ToString(CultureInfo.InvariantCulture) + (OptionRanges.For(key).Unit == OptionUnit.Duration ? "ms" : "");

        // retry.delay and retry.max-delay also bound each other: move them together, so only the range is tested.
        var also = key is OptionKeys.RetryDelay or OptionKeys.RetryMaxDelay ? $"\nretry {{ delay = {text}, max-delay = {text} }}" : "";
        var config = ConfigurationFactory.ParseString($"live-actors {{ {key} = {text}{also} }}");
        return OptionKeys.Sessions.Contains(key) ? Region.OverriddenBy(config).Validate() : Valid.OverriddenBy(config).Validate();
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
