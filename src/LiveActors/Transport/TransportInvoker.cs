using System.Net;
using LiveActors.Options;

namespace LiveActors.Transport;

/// <summary>
/// The HttpMessageInvoker a session's upgrades go through: the user's own, or one SocketsHttpHandler built from the
/// transport options, behind <see cref="RefusalCapture"/> (proxy, certificate validation) and kept for the session's life, so HTTP/2 and proxies work the same
/// way on every reconnect.
/// </summary>
internal static class TransportInvoker
{
    /// <summary>
    /// The session's invoker, which it disposes when it stops: a <see cref="RefusalCapture"/> in front of the user's
    /// invoker (left open) or of a handler built from the options.
    /// </summary>
    public static HttpMessageInvoker For(TransportOptions transport, TimeSpan connectTimeout) =>
        new(transport.MessageInvoker is { } given ? new RefusalCapture(given) : new RefusalCapture(Handler(transport, connectTimeout)), disposeHandler: true);

    private static SocketsHttpHandler Handler(TransportOptions transport, TimeSpan connectTimeout)
    {
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

        return handler;
    }
}
