using System.Net;
using System.Net.Security;
using System.Security.Authentication;
using System.Net.WebSockets;
using LiveActors.Emulator.Tests.Support;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace LiveActors.Emulator.Tests;

public sealed class TransportTests
{
    [Fact]
    public async Task Tls_serves_wss_with_a_self_signed_certificate_for_127_0_0_1()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Tls = true });
        using var invoker = TrustingOnly(emulator);
        await using var client = await WireClient.ConnectAsync(emulator, invoker: invoker);

        Assert.Equal("wss", emulator.BaseAddress.Scheme);
        Assert.Equal("setupComplete", (await client.SetupAsync()).Kind);
        Assert.Equal("HTTP/1.1", (await emulator.WaitForConnectionAsync(1)).HttpProtocol);
    }

    [Fact]
    public async Task The_certificate_is_not_trusted_by_default()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Tls = true });

        var error = await Assert.ThrowsAsync<WebSocketException>(() => WireClient.ConnectAsync(emulator));

        Assert.IsType<AuthenticationException>(error.InnerException?.InnerException);
    }

    [Fact]
    public async Task Http2_carries_a_whole_session_over_extended_connect()
    {
        await using var emulator = await TestEmulator.StartAsync(new LiveEmulatorOptions { Tls = true, Protocols = HttpProtocols.Http1AndHttp2, ReplyChunks = 1 });
        using var invoker = TrustingOnly(emulator);
        await using var client = await WireClient.ConnectAsync(emulator, invoker: invoker, configure: o =>
        {
            o.HttpVersion = HttpVersion.Version20;
            o.HttpVersionPolicy = HttpVersionPolicy.RequestVersionExact;
        });

        await client.SetupAsync();
        await client.SendTextTurnAsync("over h2");
        var turn = await client.ReceiveTurnAsync();
        await client.CloseAsync();

        Assert.Equal(3, turn.Count);
        var record = await emulator.WaitForConnectionAsync(1);
        Assert.Equal("HTTP/2", record.HttpProtocol);
        Assert.Equal(new ConnectionEnd(ConnectionEndKind.ClientClosed, 1000, "bye"), await record.Ended);
    }

    private static HttpMessageInvoker TrustingOnly(LiveEmulator emulator) => new(new SocketsHttpHandler
    {
        SslOptions = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = (_, certificate, _, _) =>
                certificate is not null && certificate.GetCertHashString() == emulator.Certificate!.GetCertHashString(),
        },
    });
}
