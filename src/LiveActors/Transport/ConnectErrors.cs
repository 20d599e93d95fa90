using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Security.Authentication;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Transport;

/// <summary>Turns what ClientWebSocket.ConnectAsync threw into the typed error it stands for.</summary>
internal static class ConnectErrors
{
    public static ConnectionError From(Exception error, HttpStatusCode status, IReadOnlyDictionary<string, IEnumerable<string>>? headers, string? body = null)
    {
        if (status != 0 && status != HttpStatusCode.SwitchingProtocols)
        {
            return new UpgradeFailed((int)status, HeaderRedaction.Redact(headers)) { Body = body };
        }

        if (Find<AuthenticationException>(error) is { } tls)
        {
            return new OpenFailed($"the TLS handshake failed: {tls.Message}") { IsCertificateError = true, Cause = tls };
        }

        if (Find<SocketException>(error) is { } socket)
        {
            return new OpenFailed($"{socket.SocketErrorCode}: {socket.Message}") { Cause = socket };
        }

        if (Find<HttpRequestException>(error) is { } http)
        {
            return new OpenFailed(http.Message) { Cause = http };
        }

        return error is WebSocketException ws
            ? new UpgradeError(ws.Message) { Cause = ws }
            : new ConnectionFailed(error.Message) { Cause = error };
    }

    private static T? Find<T>(Exception? error)
        where T : Exception
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is T found)
            {
                return found;
            }
        }

        return null;
    }
}
