using Akka.Actor;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Tests.Support;
using LiveActors.Transport;
using Xunit.Abstractions;
using static LiveActors.Live;

namespace LiveActors.Tests.Transport;

/// <summary>
/// HTTP/1.1 sessions share one upgrade handler per proxy and timeout (an idle session then holds none of its own);
/// the rest own theirs, and a session that stops never takes a shared one with it.
/// </summary>
public sealed class SharedInvokerTests(ITestOutputHelper output) : SessionTestKit(output)
{
    [Fact]
    public void Http_1_1_sessions_with_the_same_proxy_and_timeout_share_one_invoker_that_none_of_them_owns()
    {
        var transport = new TransportOptions { HttpVersion = LiveHttpVersion.Http11, Proxy = "none" };

        var first = TransportInvoker.For(transport, TimeSpan.FromSeconds(10));
        var second = TransportInvoker.For(transport with { }, TimeSpan.FromSeconds(10));
        var otherTimeout = TransportInvoker.For(transport, TimeSpan.FromSeconds(11));

        Assert.Same(first.Invoker, second.Invoker);
        Assert.False(first.Owned);
        Assert.NotSame(first.Invoker, otherTimeout.Invoker);
    }

    [Fact]
    public void A_certificate_callback_HTTP_2_or_the_users_own_invoker_gets_an_invoker_of_the_sessions_own()
    {
        using var users = new HttpMessageInvoker(new SocketsHttpHandler());
        var transports = new[]
        {
            new TransportOptions { HttpVersion = LiveHttpVersion.Http11, CertificateValidation = (_, _, _, _) => true },
            new TransportOptions { HttpVersion = LiveHttpVersion.Http2 },
            new TransportOptions { HttpVersion = LiveHttpVersion.Http11, MessageInvoker = users },
        };

        foreach (var transport in transports)
        {
            using var first = TransportInvoker.For(transport, TimeSpan.FromSeconds(10));
            using var second = TransportInvoker.For(transport, TimeSpan.FromSeconds(10));
            Assert.True(first.Owned);
            Assert.NotSame(first.Invoker, second.Invoker);
        }
    }

    [Fact]
    public async Task A_session_that_stops_leaves_the_shared_handler_to_the_others_which_still_reconnect()
    {
        var (first, firstEvents) = StartSession();
        NextEvent<Connected>(firstEvents);
        var (second, secondEvents) = StartSession();
        NextEvent<Connected>(secondEvents);
        Watch(first);

        first.Tell(Close.Instance);
        ExpectMsg<Closed>();
        ExpectTerminated(first);
        (await Emulator.WaitForConnectionAsync(2)).Drop();

        NextEvent<Reconnected>(secondEvents);
        second.Tell(new Send(ClientContent.UserText("still here?")));
        EventsUntil<TurnCompleted>(secondEvents);
    }
}
