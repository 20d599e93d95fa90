using System.Net.Security;

namespace LiveActors.Options;

/// <summary>How the WebSocket travels: HTTP version, proxy, TLS validation and buffers. HOCON <c>transport</c>.</summary>
public sealed record TransportOptions
{
    /// <summary>HTTP/1.1 (default), HTTP/2 with fallback, or HTTP/2 only. HOCON <c>transport.http-version</c> (<c>1.1</c>, <c>2</c>, <c>2-only</c>).</summary>
    public LiveHttpVersion HttpVersion { get; init; } = LiveDefaults.HttpVersion;

    /// <summary>
    /// The proxy: null for the system's (HTTPS_PROXY, ALL_PROXY, the OS settings), <c>none</c> for a direct connection, or
    /// an address such as <c>http://proxy.internal:3128</c>. HOCON <c>transport.proxy</c>.
    /// </summary>
    public string? Proxy { get; init; } = LiveDefaults.Proxy;

    /// <summary>The receive buffer a connection starts with; it grows for larger messages up to max-inbound-message-size. HOCON <c>transport.receive-buffer-size</c>.</summary>
    public int ReceiveBufferSize { get; init; } = LiveDefaults.ReceiveBufferSize;

    /// <summary>
    /// Checks the server's certificate instead of the system's validation (for a private CA, or tests). Code only; never
    /// set it to accept everything in production.
    /// </summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; init; }

    /// <summary>
    /// Sends the upgrade through this invoker (an HttpClient, or a SocketsHttpHandler you configured) instead of one
    /// LiveActors builds; <see cref="Proxy"/> and <see cref="CertificateValidation"/> are then yours to set on it. Code only.
    /// </summary>
    public HttpMessageInvoker? MessageInvoker { get; init; }
}
