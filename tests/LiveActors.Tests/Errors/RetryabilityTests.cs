using System.Net;
using System.Net.Sockets;
using System.Net.WebSockets;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Errors;

public sealed class RetryabilityTests
{
    public static TheoryData<ConnectionError, bool, string> Table() => new()
    {
        { ProjectIdRequiredForVertexAi.Instance, false, "project_id_required_for_vertex_ai" },
        { NoApiKey.Instance, false, "no_api_key" },
        { new AuthenticationFailed("the token endpoint refused the credential.", Transient: false) { Status = 400 }, false, "authentication_failed" },
        { new AuthenticationFailed("the token endpoint could not be reached.", Transient: true), true, "authentication_failed" },
        { new InvalidOption("Timeout", "timeout", "must be positive."), false, "invalid_option" },
        { new OpenFailed("connection refused"), true, "open_failed" },
        { new OpenFailed("name mismatch") { IsCertificateError = true }, false, "open_failed" },
        { new ConnectionFailed("reset"), true, "connection_failed" },
        { new UpgradeFailed(503, new Dictionary<string, string>()), true, "upgrade_failed" },
        { new UpgradeFailed(429, new Dictionary<string, string>()), true, "upgrade_failed" },
        { new UpgradeFailed(408, new Dictionary<string, string>()), true, "upgrade_failed" },
        { new UpgradeFailed(400, new Dictionary<string, string>()), false, "upgrade_failed" },
        { new UpgradeFailed(401, new Dictionary<string, string>()), false, "upgrade_failed" },
        { new UpgradeFailed(403, new Dictionary<string, string>()), false, "upgrade_failed" },
        { new UpgradeFailed(404, new Dictionary<string, string>()), false, "upgrade_failed" },
        { new UpgradeError("bad handshake"), true, "upgrade_error" },
        { new UpgradeTimeout(TimeSpan.FromSeconds(30)), true, "upgrade_timeout" },
        { new MaxRetriesExceeded(3, new ConnectionFailed("reset")), false, "max_retries_exceeded" },
        { new ServerClosed(1000, ""), true, "server_closed" },
        { new ServerClosed(1001, "going away"), true, "server_closed" },
        { new ServerClosed(1006, ""), true, "server_closed" },
        { new ServerClosed(1011, "Internal error encountered."), true, "server_closed" },
        { new ServerClosed(1011, "The service is currently unavailable."), true, "server_closed" },
        { new ServerClosed(1011, "Deadline expired before operation could complete."), true, "server_closed" },
        { new ServerClosed(1011, "You exceeded your current quota, please check your plan and billing details."), false, "server_closed" },
        { new ServerClosed(1011, "RESOURCE_EXHAUSTED"), false, "server_closed" },
        { new ServerClosed(1007, "Request contains an invalid argument."), false, "server_closed" },
        { new ServerClosed(1008, "BidiGenerateContent session not found"), false, "server_closed" },
        { new ServerClosed(1008, "API key not valid. Please pass a valid API key."), false, "server_closed" },
        { new ServerClosed(1002, ""), false, "server_closed" },
        { new ProtocolError("not JSON"), false, "protocol_error" },
        { new ServerError(503, "UNAVAILABLE", "try later"), true, "server_error" },
        { new ServerError(429, "RESOURCE_EXHAUSTED", "quota"), false, "server_error" },
        { new ServerError(400, "INVALID_ARGUMENT", "bad"), false, "server_error" },
        { new ReceiveTimeout(TimeSpan.FromSeconds(60)), true, "receive_timeout" },
        { new BufferFull(1024, 100), true, "buffer_full" },
        { SessionClosed.Instance, false, "session_closed" },
        { SessionStopped.Instance, true, "session_stopped" },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_error_knows_its_code_and_retryability(ConnectionError error, bool retryable, string code)
    {
        Assert.Equal(retryable, error.IsRetryable);
        Assert.Equal(retryable, Retryability.IsRetryable(error));
        Assert.Equal(retryable, Retryability.IsRetryable(new LiveConnectionException(error)));
        Assert.Equal(code, error.Code);
        Assert.StartsWith(code + ": ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Transport_exceptions_are_retryable_like_gemini_ex_retryable_error()
    {
        Assert.True(Retryability.IsRetryable(new WebSocketException(WebSocketError.ConnectionClosedPrematurely)));
        Assert.True(Retryability.IsRetryable(new SocketException((int)SocketError.ConnectionRefused)));
        Assert.True(Retryability.IsRetryable(new IOException("reset")));
        Assert.True(Retryability.IsRetryable(new TimeoutException()));
        Assert.True(Retryability.IsRetryable(new HttpRequestException("down", null, HttpStatusCode.ServiceUnavailable)));
        Assert.False(Retryability.IsRetryable(new HttpRequestException("nope", null, HttpStatusCode.Unauthorized)));
        Assert.False(Retryability.IsRetryable(new WebSocketException(WebSocketError.UnsupportedProtocol)));
        Assert.False(Retryability.IsRetryable(new OperationCanceledException()));
        Assert.False(Retryability.IsRetryable(new InvalidOperationException()));
        Assert.False(Retryability.IsRetryable(null));
        Assert.False(Retryability.IsRetryable("timeout"));
        Assert.True(Retryability.IsRetryable(new AggregateException(new IOException(), new TimeoutException())));
    }

    [Fact]
    public void The_exception_wraps_the_error_and_its_cause()
    {
        var cause = new IOException("reset by peer");
        var exception = new LiveConnectionException(new ConnectionFailed("reset") { Cause = cause });
        Assert.Same(cause, exception.InnerException);
        Assert.Equal("The connection was lost: reset", exception.Message);
    }

    [Fact]
    public void MaxRetriesExceeded_names_the_last_error()
    {
        var error = new MaxRetriesExceeded(3, new UpgradeFailed(503, new Dictionary<string, string>()));
        Assert.Contains("upgrade_failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("3 attempts", error.Message, StringComparison.Ordinal);
    }
}
