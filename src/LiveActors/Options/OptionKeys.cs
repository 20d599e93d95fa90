namespace LiveActors.Options;

/// <summary>The HOCON keys under <c>live-actors</c>, in the order of the options table.</summary>
internal static class OptionKeys
{
    public const string AuthStrategy = "auth-strategy";
    public const string Model = "model";
    public const string ModelFamily = "model-family";
    public const string ModelProfile = "model-profile";
    public const string CheckSetupAgainstProfile = "check-setup-against-profile";
    public const string ApiKey = "api-key";
    public const string ProjectId = "project-id";
    public const string Location = "location";
    public const string CredentialsFile = "credentials-file";
    public const string ApiVersion = "api-version";
    public const string VertexApiVersion = "vertex-api-version";
    public const string BaseAddress = "base-address";
    public const string Timeout = "timeout";
    public const string RetryAttempts = "retry.attempts";
    public const string RetryDelay = "retry.delay";
    public const string RetryBackoff = "retry.backoff";
    public const string RetryMaxDelay = "retry.max-delay";
    public const string RetryJitter = "retry.jitter";
    public const string RetryResetAfter = "retry.reset-after";
    public const string KeepAliveInterval = "keep-alive-interval";
    public const string KeepAliveTimeout = "keep-alive-timeout";
    public const string CloseTimeout = "close-timeout";
    public const string ReceiveTimeout = "receive-timeout";
    public const string MaxInboundMessageSize = "max-inbound-message-size";
    public const string InboxCapacity = "inbox-capacity";
    public const string InboxMaxBytes = "inbox-max-bytes";
    public const string OutboundMaxMessages = "outbound-queue.max-messages";
    public const string OutboundMaxBytes = "outbound-queue.max-bytes";
    public const string ResumptionEnabled = "session-resumption.enabled";
    public const string ResumptionTransparent = "session-resumption.transparent";
    public const string ResumptionHandle = "session-resumption.handle";
    public const string ResumptionUncertainMessages = "session-resumption.uncertain-messages";
    public const string ResumptionAskAgainAfterCutReply = "session-resumption.ask-again-after-cut-reply";
    public const string ResumptionLostToolResults = "session-resumption.lost-tool-results";
    public const string ResumptionMaxResumesPerHandle = "session-resumption.max-resumes-per-handle";
    public const string ResumptionReseedExchanges = "session-resumption.reseed-exchanges";
    public const string TransportHttpVersion = "transport.http-version";
    public const string TransportProxy = "transport.proxy";
    public const string TransportReceiveBufferSize = "transport.receive-buffer-size";
    public const string SessionsPassivateAfter = "sessions.passivate-after";
    public const string SessionsMaxOpen = "sessions.max-open";
    public const string SessionsPersistence = "sessions.persistence";
    public const string SessionsHandleValidity = "sessions.handle-validity";
    public const string SessionsStateFile = "sessions.state-file";
    public const string SessionsRecoverOpen = "sessions.recover-open";
    public const string SessionsMaxBuffered = "sessions.max-buffered";

    /// <summary>The keys of a <see cref="Sessions.LiveSessions"/> region (<see cref="Sessions.LiveSessionsOptions"/>), not of one session.</summary>
    public static readonly IReadOnlyList<string> Sessions = [SessionsPassivateAfter, SessionsMaxOpen, SessionsPersistence, SessionsHandleValidity, SessionsRecoverOpen, SessionsStateFile, SessionsMaxBuffered];

    public static readonly IReadOnlyList<string> All =
    [
        AuthStrategy, Model, ModelFamily, ModelProfile, CheckSetupAgainstProfile, ApiKey, ProjectId, Location, CredentialsFile, ApiVersion, VertexApiVersion, BaseAddress, Timeout,
        RetryAttempts, RetryDelay, RetryBackoff, RetryMaxDelay, RetryJitter, RetryResetAfter, KeepAliveInterval, KeepAliveTimeout,
        CloseTimeout, ReceiveTimeout, MaxInboundMessageSize, InboxCapacity, InboxMaxBytes, OutboundMaxMessages, OutboundMaxBytes,
        ResumptionEnabled, ResumptionTransparent, ResumptionHandle, ResumptionUncertainMessages, ResumptionAskAgainAfterCutReply, ResumptionLostToolResults,
        ResumptionMaxResumesPerHandle, ResumptionReseedExchanges,
        TransportHttpVersion, TransportProxy, TransportReceiveBufferSize,
    ];
}
