using System.Net;
using LiveActors.Options;

namespace LiveActors.Transport;

/// <summary>
/// The HttpMessageInvoker a session's upgrades go through: the user's own, or one SocketsHttpHandler built from the
/// transport options (proxy, certificate validation) and kept for the session's life, so HTTP/2 and proxies work the same
/// way on every reconnect.
/// </summary>
internal static class TransportInvoker
{
    /// <summary>The invoker, and whether the session owns it (and so disposes it when it stops).</summary>
    public static (HttpMessageInvoker Invoker, bool Owned) For(TransportOptions transport, TimeSpan connectTimeout)
    {
        if (transport.MessageInvoker is { } given)
        {
            return (given, false);
        }

        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = connectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5), // notice DNS changes between reconnects
        };
        switch (transport.Proxy)
        {
            case null or "" or "system":
                break; // the handler's default: the system's proxy
            case "none":
                handler.UseProxy = false;
                break;
            case var address:
                handler.Proxy = new WebProxy(new Uri(address));
                break;
        }

        if (transport.CertificateValidation is { } validate)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = validate;
        }

        return (new HttpMessageInvoker(handler, disposeHandler: true), true);
    }
}
