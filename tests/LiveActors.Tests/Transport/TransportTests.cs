using Akka.Actor;
using LiveActors.Emulator;
using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Xunit.Abstractions;
using static LiveActors.Live;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Transport;

/// <summary>TLS, HTTP/2 WebSockets, fallback, a proxy and certificate checks, each carrying a whole session.</summary>
public sealed class TransportTests(ITestOutputHelper output) : SessionTestKit(output)
{
    protected override LiveEmulatorOptions EmulatorOptions => base.EmulatorOptions with { Tls = true, Protocols = HttpProtocols.Http1AndHttp2 };

    [Theory]
    [InlineData(LiveHttpVersion.Http11, "HTTP/1.1")]
    [InlineData(LiveHttpVersion.Http2, "HTTP/2")]
    [InlineData(LiveHttpVersion.Http2Only, "HTTP/2")]
    public async Task A_whole_session_runs_over_TLS_on_the_chosen_HTTP_version(LiveHttpVersion version, string protocol)
    {
        HoldATurn(Trusting() with { Transport = TrustingTransport() with { HttpVersion = version } });

        Assert.Equal(protocol, (await Emulator.WaitForConnectionAsync(1)).HttpProtocol);
    }

    [Fact]
    public async Task Http2_falls_back_to_HTTP_1_1_when_the_server_offers_no_HTTP_2_WebSockets()
    {
        await using var http1Only = await LiveEmulator.StartAsync(SessionTestKit.Legacy(new LiveEmulatorOptions { Tls = true, Protocols = HttpProtocols.Http1 }));
        var options = Trusting(http1Only) with { Transport = TrustingTransport(http1Only) with { HttpVersion = LiveHttpVersion.Http2 } };

        HoldATurn(options);

        Assert.Equal("HTTP/1.1", (await http1Only.WaitForConnectionAsync(1)).HttpProtocol);
    }

    [Fact]
    public async Task A_session_goes_through_a_CONNECT_proxy()
    {
        await using var proxy = new ConnectProxy();

        HoldATurn(Trusting() with { Transport = TrustingTransport() with { Proxy = proxy.Address.ToString() } });

        Assert.Equal(1, proxy.Tunnels);
    }

    [Theory]
    [InlineData(false)] // the system's validation: the emulator's certificate is self-signed
    [InlineData(true)] // pinned to another certificate's thumbprint
    public void A_certificate_that_does_not_match_what_the_client_trusts_is_a_typed_error_that_is_not_retried(bool pinnedElsewhere)
    {
        var transport = pinnedElsewhere
            ? new TransportOptions { CertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == "00" }
            : new TransportOptions();
        var (_, events) = StartSession(Options with { BaseAddress = Emulator.BaseAddress, Transport = transport });

        var error = Assert.IsType<OpenFailed>(NextEvent<GaveUp>(events).Error);

        Assert.True(error.IsCertificateError);
        Assert.False(error.IsRetryable);
        Assert.Empty(Emulator.Connections); // refused in the TLS handshake, before any HTTP request
    }

    [Fact]
    public async Task A_custom_invoker_is_used_as_it_is()
    {
        using var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == Emulator.Certificate!.GetCertHashString();
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);

        HoldATurn(Options with { Transport = new TransportOptions { MessageInvoker = invoker, HttpVersion = LiveHttpVersion.Http2Only } });

        Assert.Equal("HTTP/2", (await Emulator.WaitForConnectionAsync(1)).HttpProtocol);
    }

    private void HoldATurn(LiveConnectionOptions options)
    {
        var (session, events) = StartSession(options);
        NextEvent<Connected>(events);
        session.Tell(new Send(ClientContent.UserText("over the wire")));
        ExpectMsg<SendAccepted>();
        var turn = EventsUntil<TurnCompleted>(events);
        Assert.Equal("Turn 1: you said \"over the wire\"", string.Concat(turn.OfType<ModelTurnReceived>().Select(e => e.Turn.Parts![0].Text)));
        session.Tell(Close.Instance);
        ExpectMsg<Closed>(Patience);
    }

    private LiveConnectionOptions Trusting(LiveEmulator? emulator = null) => Options with
    {
        BaseAddress = (emulator ?? Emulator).BaseAddress,
        Transport = TrustingTransport(emulator),
    };

    /// <summary>Trusts exactly the emulator's self-signed certificate, and nothing else.</summary>
    private TransportOptions TrustingTransport(LiveEmulator? emulator = null)
    {
        var expected = (emulator ?? Emulator).Certificate!.GetCertHashString();
        return new TransportOptions { CertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == expected };
    }
}
