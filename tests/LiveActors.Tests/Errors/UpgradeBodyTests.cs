using System.Net.Http.Headers;
using Akka.Actor;
using LiveActors.Emulator.Faults;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using LiveActors.Transport;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Errors;

/// <summary><see cref="UpgradeFailed.Body"/>: what the server said when it refused the upgrade, bounded and without a secret.</summary>
public sealed class UpgradeBodyTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public void A_refused_key_carries_the_servers_error_body_and_its_message()
    {
        var (_, events) = StartSession(Options with { ApiKey = "AIzaWrongKey0123456789" });

        var refused = Assert.IsType<UpgradeFailed>(NextEvent<GaveUp>(events).Error);

        Assert.Equal(400, refused.Status);
        Assert.Contains("\"status\"", refused.Body, StringComparison.Ordinal);
        Assert.Equal("The server refused the WebSocket upgrade with HTTP 400: API key not valid. Please pass a valid API key.", refused.Message);
        Assert.DoesNotContain("AIzaWrongKey0123456789", refused.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_echoes_the_request_has_the_credential_cut_out_of_the_body()
    {
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(404, "The requested URL /ws?key=test-key was not found; x-goog-api-key test-key"));
        var (_, events) = StartSession(Options with { Retry = Options.Retry with { Attempts = 0 } });

        var refused = Assert.IsType<UpgradeFailed>(NextEvent<GaveUp>(events).Error);

        Assert.NotNull(refused.Body);
        Assert.DoesNotContain("test-key", refused.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("test-key", refused.Message, StringComparison.Ordinal);
        Assert.Contains("?key=(redacted) was not found", refused.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void A_body_is_kept_to_its_first_2_KB()
    {
        Emulator.ScriptNextConnection(EmulatorFault.RejectUpgrade(503, new string('x', 10_000)));
        var (_, events) = StartSession(Options with { Retry = Options.Retry with { Attempts = 0 } });

        var refused = Assert.IsType<UpgradeFailed>(NextEvent<GaveUp>(events).LastError);

        Assert.Equal(RefusalCapture.MaxBodyBytes, refused.Body!.Length);
        Assert.Equal("The server refused the WebSocket upgrade with HTTP 503.", refused.Message); // cut JSON: no message read
    }

    [Fact]
    public void A_users_invoker_also_gets_the_body_and_stays_open_after_the_session()
    {
        using var invoker = new HttpMessageInvoker(new SocketsHttpHandler(), disposeHandler: true);
        var options = Options with { ApiKey = "wrong-key", Transport = new TransportOptions { MessageInvoker = invoker } };
        var (first, events) = StartSession(options);
        Watch(first);

        Assert.Contains("API key not valid", Assert.IsType<UpgradeFailed>(NextEvent<GaveUp>(events).Error).Body, StringComparison.Ordinal);
        ExpectTerminated(first);

        var (second, again) = StartSession(options with { ApiKey = "test-key" });
        NextEvent<Connected>(again);
        second.Tell(Close.Instance);
        ExpectMsg<Closed>(Patience);
    }

    [Fact]
    public void Bearer_tokens_and_query_values_are_cut_out_of_any_text()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "wss://example.test/ws?access_token=auth_tokens%2Fabc123");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "ya29.secret-token");

        var text = RefusalCapture.Redact("token ya29.secret-token, url access_token=auth_tokens%2Fabc123 or auth_tokens/abc123", request);

        Assert.Equal("token (redacted), url access_token=(redacted) or (redacted)", text);
    }

    [Fact]
    public void A_handle_or_key_the_request_did_not_carry_is_masked_in_a_refusal_body_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "wss://example.test/ws");

        var text = RefusalCapture.Redact("""{"error":{"message":"handle CjQ3ZkFhY2t1cF9oYW5kbGVfMTIzNDU2Nzg5MA is unknown"}}""", request);

        Assert.Equal("""{"error":{"message":"handle (redacted) is unknown"}}""", text);
    }
}
