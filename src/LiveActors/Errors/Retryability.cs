using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;

namespace LiveActors.Errors;

/// <summary>
/// Decides whether an error is worth retrying: the one table behind every <see cref="ConnectionError.IsRetryable"/>,
/// and gemini_ex's <c>retryable_error?</c> for any error object.
/// </summary>
/// <remarks>
/// <list type="table">
/// <listheader><term>error</term><description>retry?</description></listheader>
/// <item><term>open_failed, connection_failed, upgrade_error, upgrade_timeout</term><description>yes (transport trouble), except a refused certificate</description></item>
/// <item><term>upgrade_failed</term><description>408, 429 and 5xx yes; any other status no</description></item>
/// <item><term>server_closed</term><description>1000, 1001, 1006, 1011, 1012, 1013, 1014 yes, unless the reason speaks of quota, billing or an API key; 1002, 1003, 1007, 1008, 1009 and the rest no</description></item>
/// <item><term>server_error</term><description>UNAVAILABLE, INTERNAL, DEADLINE_EXCEEDED, ABORTED or 500/502/503/504 yes; quota and request errors no</description></item>
/// <item><term>receive_timeout, buffer_full</term><description>yes (the session is fine; ask again later)</description></item>
/// <item><term>session_stopped</term><description>yes (through the region, which reaches the session where it lives now)</description></item>
/// <item><term>authentication_failed</term><description>yes when the token endpoint was unreachable or answered 408, 429 or 5xx; a refusal no</description></item>
/// <item><term>delivery_uncertain</term><description>yes (the application decides whether to send it again)</description></item>
/// <item><term>no_api_key, project_id_required_for_vertex_ai, invalid_option, protocol_error, max_retries_exceeded, session_closed, unsupported_by_model, model_not_found</term><description>no</description></item>
/// </list>
/// </remarks>
public static class Retryability
{
    private static readonly string[] PermanentReasonMarkers =
        ["quota", "resource_exhausted", "billing", "api key", "permission"];

    /// <summary>
    /// Whether <paramref name="error"/> is worth retrying. Accepts a <see cref="ConnectionError"/>, a
    /// <see cref="LiveConnectionException"/>, or a transport exception (<see cref="WebSocketException"/>,
    /// <see cref="HttpRequestException"/>, <see cref="IOException"/>, <see cref="SocketException"/>,
    /// <see cref="TimeoutException"/>); anything else, including cancellation and null, is not retryable.
    /// </summary>
    public static bool IsRetryable(object? error) => error switch
    {
        ConnectionError e => e.IsRetryable,
        LiveConnectionException e => e.IsRetryable,
        OperationCanceledException => false,
        AggregateException e => e.InnerExceptions.Count > 0 && e.InnerExceptions.All(IsRetryable),
        HttpRequestException { StatusCode: HttpStatusCode status } => IsRetryableHttpStatus((int)status),
        HttpRequestException => true,
        WebSocketException e => IsRetryableWebSocketError(e),
        SocketException or IOException or TimeoutException => true,
        _ => false,
    };

    /// <summary>Whether an HTTP status on the upgrade is worth retrying: 408, 429 and 5xx.</summary>
    public static bool IsRetryableHttpStatus(int status) => status is 408 or 429 || status is >= 500 and <= 599;

    /// <summary>Whether a close frame with <paramref name="closeCode"/> and <paramref name="reason"/> is worth a reconnect.</summary>
    public static bool IsRetryableClose(int closeCode, string? reason)
    {
        var transientCode = closeCode is 1000 or 1001 or 1006 or 1011 or 1012 or 1013 or 1014;
        return transientCode && !SoundsPermanent(reason);
    }

    /// <summary>Whether an error payload's code or status names a transient fault.</summary>
    public static bool IsRetryableServerError(int? httpCode, string? status) =>
        status is "UNAVAILABLE" or "INTERNAL" or "DEADLINE_EXCEEDED" or "ABORTED"
        || (status is null && httpCode is 500 or 502 or 503 or 504);

    private static bool IsRetryableWebSocketError(WebSocketException e) =>
        e.WebSocketErrorCode is not (WebSocketError.InvalidMessageType
            or WebSocketError.UnsupportedProtocol
            or WebSocketError.UnsupportedVersion);

    private static bool SoundsPermanent(string? reason)
    {
        if (string.IsNullOrEmpty(reason))
        {
            return false;
        }

        foreach (var marker in PermanentReasonMarkers)
        {
            if (reason.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
