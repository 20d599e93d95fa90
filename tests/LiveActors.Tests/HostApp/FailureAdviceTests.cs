using LiveActors.Host;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.HostApp;

/// <summary>The one line a failed session ends with: the library's reason, then what to try, by the last attempt's error.</summary>
public sealed class FailureAdviceTests
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    [Fact]
    public void A_give_up_after_retries_is_advised_by_its_last_error()
    {
        var line = FailureAdvice.Line(new MaxRetriesExceeded(4, new UpgradeTimeout(TimeSpan.FromSeconds(30))));

        Assert.Equal("Gave up after 4 attempts; the last error was upgrade_timeout: The connection was not ready within 30 s; "
            + "the endpoint did not answer in time: check the network or proxy, or allow longer with --timeout.", line);
    }

    [Theory]
    [InlineData(401, "check the API key")]
    [InlineData(403, "check the API key")]
    [InlineData(404, "check --model, --api-version")]
    [InlineData(429, "the quota is used up")]
    [InlineData(503, "the service is unavailable")]
    [InlineData(400, "check --model, --api-version and the credentials")]
    public void A_refused_upgrade_is_advised_by_its_status(int status, string advice) =>
        Assert.StartsWith(advice, FailureAdvice.WhatToTry(new UpgradeFailed(status, NoHeaders)), StringComparison.Ordinal);

    [Fact]
    public void An_endpoint_that_cannot_be_reached_points_at_the_network_and_the_address() =>
        Assert.Contains("--base-address", FailureAdvice.WhatToTry(new OpenFailed("Name or service not known")), StringComparison.Ordinal);

    [Fact]
    public void A_refused_setup_points_at_the_model_and_options() =>
        Assert.Contains("check --model", FailureAdvice.WhatToTry(new ServerClosed(1007, "Request contains an invalid argument.")), StringComparison.Ordinal);

    [Fact]
    public void An_error_without_advice_of_its_own_points_at_verbose() =>
        Assert.Equal("run again with --verbose for the details.", FailureAdvice.WhatToTry(new ProtocolError("an unknown message")));
}
