namespace LiveActors.Transport;

/// <summary>Everything needed to open one socket: where, with which headers, and its limits.</summary>
internal sealed record SocketSettings(
    Uri Uri,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    TimeSpan KeepAliveInterval,
    TimeSpan KeepAliveTimeout,
    long MaxMessageSize,
    int SendQueueCapacity)
{
    /// <summary>For advanced transports (HTTP/2, proxies, custom TLS validation); null for ClientWebSocket's own handler.</summary>
    public HttpMessageInvoker? Invoker { get; init; }

    /// <summary>The address without query or credentials, safe to log.</summary>
    public string Display => Uri.GetLeftPart(UriPartial.Path);
}
