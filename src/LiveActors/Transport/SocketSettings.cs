namespace LiveActors.Transport;

/// <summary>
/// Everything needed to open a session's sockets but the credentials (fetched for every connect): where, and the limits.
/// One instance per session, shared by its sockets.
/// </summary>
internal sealed record SocketSettings(
    Uri Uri,
    TimeSpan KeepAliveInterval,
    TimeSpan KeepAliveTimeout,
    long MaxMessageSize,
    int SendQueueCapacity)
{
    /// <summary>Sends the upgrade: the user's invoker, or the handler <see cref="TransportInvoker"/> built from the options.</summary>
    public HttpMessageInvoker? Invoker { get; init; }

    /// <summary>The session's OpenTelemetry GenAI tags (provider, model, operation), for the connect activity.</summary>
    public IReadOnlyList<KeyValuePair<string, object?>> TelemetryTags { get; init; } = [];

    /// <summary>Which HTTP carries the WebSocket.</summary>
    public Options.LiveHttpVersion HttpVersion { get; init; }

    /// <summary>How long the receive side may go on reading after a write failed, for what the server had already sent.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The receive buffer a connection starts with.</summary>
    public int ReceiveBufferSize { get; init; } = 16 * 1024;

    /// <summary>The address without query or credentials, safe to log.</summary>
    public string Display => Uri.GetLeftPart(UriPartial.Path);
}
