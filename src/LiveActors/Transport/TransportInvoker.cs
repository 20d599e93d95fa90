using System.Collections.Concurrent;
using System.Net;
using LiveActors.Options;

namespace LiveActors.Transport;

/// <summary>
/// The HttpMessageInvoker a session's upgrades go through: the user's own, or one SocketsHttpHandler built from the
/// transport options (proxy, certificate validation), behind <see cref="RefusalCapture"/>, kept for the session's
/// life so that HTTP/2 and proxies work the same way on every reconnect.
/// </summary>
internal static class TransportInvoker
{
    // HTTP/1.1 upgrades never go back to a handler's pool (the WebSocket takes the connection over), so sessions with
    // the same proxy and connect timeout lose nothing by sharing one handler, and an idle session then holds no
    // handler, pool manager, settings copies or cleanup timer of its own (about 2 KiB each).
    private static readonly ConcurrentDictionary<(string? Proxy, TimeSpan ConnectTimeout), HttpMessageInvoker> s_shared = new();

    /// <summary>
    /// The session's invoker: a <see cref="RefusalCapture"/> in front of the user's invoker (left open), or of a
    /// handler built from the options. HTTP/1.1 sessions without a certificate callback share one per proxy and
    /// timeout, which is never disposed; every other session owns its own, which the lease disposes.
    /// </summary>
    public static InvokerLease For(TransportOptions transport, TimeSpan connectTimeout)
    {
        if (transport.MessageInvoker is { } given)
        {
            return new InvokerLease(new HttpMessageInvoker(new RefusalCapture(given), disposeHandler: true), Owned: true);
        }

        if (transport.HttpVersion == LiveHttpVersion.Http11 && transport.CertificateValidation is null)
        {
            var shared = s_shared.GetOrAdd((transport.Proxy, connectTimeout), static (_, t) => Build(t.Transport, t.Timeout), (Transport: transport, Timeout: connectTimeout));
            return new InvokerLease(shared, Owned: false); // a handler built by a lost race has sent nothing: it holds nothing
        }

        return new InvokerLease(Build(transport, connectTimeout), Owned: true);
    }

    private static HttpMessageInvoker Build(TransportOptions transport, TimeSpan connectTimeout) =>
        new(new RefusalCapture(Handler(transport, connectTimeout)), disposeHandler: true);

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

/// <summary>A session's invoker, and whether the session owns it (and so disposes it when it stops) or shares it.</summary>
internal readonly record struct InvokerLease(HttpMessageInvoker Invoker, bool Owned) : IDisposable
{
    public void Dispose()
    {
        if (Owned)
        {
            Invoker.Dispose();
        }
    }
}
