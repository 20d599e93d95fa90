namespace LiveActors.Options;

/// <summary>Which HTTP carries the WebSocket.</summary>
public enum LiveHttpVersion
{
    /// <summary>HTTP/1.1 Upgrade, what every Live API endpoint accepts. HOCON <c>1.1</c>.</summary>
    Http11,

    /// <summary>HTTP/2 (RFC 8441 extended CONNECT) when the server offers it, else HTTP/1.1. HOCON <c>2</c>.</summary>
    Http2,

    /// <summary>HTTP/2 only: a server without HTTP/2 WebSockets is an error. HOCON <c>2-only</c>.</summary>
    Http2Only,
}
