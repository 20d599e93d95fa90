using Microsoft.Extensions.Logging;

namespace LiveActors.Telemetry;

/// <summary>Every log line LiveActors writes, with a stable event id. Arguments are codes, counts and safe addresses only.</summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Debug, "Connecting to {Address} (attempt {Attempt})")]
    public static partial void Connecting(ILogger logger, string address, int attempt);

    [LoggerMessage(1002, LogLevel.Information, "Connected to {Address} in {Milliseconds:0} ms")]
    public static partial void Connected(ILogger logger, string address, double milliseconds);

    [LoggerMessage(1003, LogLevel.Warning, "Connect failed: {ErrorCode}: {ErrorMessage}")]
    public static partial void ConnectFailed(ILogger logger, string errorCode, string errorMessage);

    [LoggerMessage(1004, LogLevel.Warning, "Disconnected: {ErrorCode}: {ErrorMessage}")]
    public static partial void Disconnected(ILogger logger, string errorCode, string errorMessage);

    [LoggerMessage(1005, LogLevel.Information, "Retrying in {Delay} (attempt {Attempt} of {Attempts}) after {ErrorCode}")]
    public static partial void Retrying(ILogger logger, TimeSpan delay, int attempt, int attempts, string errorCode);

    [LoggerMessage(1006, LogLevel.Error, "Gave up: {ErrorCode}: {ErrorMessage}")]
    public static partial void GaveUp(ILogger logger, string errorCode, string errorMessage);

    [LoggerMessage(1007, LogLevel.Debug, "Closing the session")]
    public static partial void Closing(ILogger logger);

    [LoggerMessage(1008, LogLevel.Information, "Session closed")]
    public static partial void Closed(ILogger logger);

    [LoggerMessage(1009, LogLevel.Warning, "Skipped a malformed server frame: {Detail}")]
    public static partial void MalformedFrame(ILogger logger, string detail);

    [LoggerMessage(1010, LogLevel.Warning, "The inbox is full ({Capacity} messages or {MaxBytes} bytes); dropping the oldest messages until someone receives")]
    public static partial void InboxOverflow(ILogger logger, int capacity, long maxBytes);

    [LoggerMessage(1011, LogLevel.Debug, "Send {Sequence} could not be delivered: {ErrorCode}")]
    public static partial void SendFailed(ILogger logger, long sequence, string errorCode);

    [LoggerMessage(1013, LogLevel.Information, "Authenticating to {Backend} with {CredentialSource}")]
    public static partial void Authenticating(ILogger logger, Options.AuthStrategy backend, string credentialSource);

    [LoggerMessage(1014, LogLevel.Information, "Moved the session to a new connection after goAway")]
    public static partial void HandedOver(ILogger logger);

    [LoggerMessage(1015, LogLevel.Warning, "The server refused to resume the session ({ErrorCode}: {ErrorMessage}); starting a fresh one")]
    public static partial void ResumptionRefused(ILogger logger, string errorCode, string errorMessage);

    [LoggerMessage(1012, LogLevel.Information, "The server will close the connection in {TimeLeft}")]
    public static partial void GoAway(ILogger logger, TimeSpan? timeLeft);

    [LoggerMessage(1016, LogLevel.Information, "The connection ended while the reply to send {Sequence} streamed (-1: not known); asking again: {AskedAgain}")]
    public static partial void ReplyCut(ILogger logger, long sequence, bool askedAgain);

    [LoggerMessage(1017, LogLevel.Warning, "A server message had '{Member}' of a type this version cannot read; it is kept raw in AdditionalProperties and the rest of the message was delivered (said once a session)")]
    public static partial void OddMember(ILogger logger, string member);

    [LoggerMessage(1018, LogLevel.Information, "The model {Model} follows the {Profile} profile (from {Source})")]
    public static partial void ModelRules(ILogger logger, string model, string profile, string source);

    [LoggerMessage(1019, LogLevel.Warning, "A send was refused before it reached the wire ({ErrorCode}): the model takes no {What}")]
    public static partial void SendRefused(ILogger logger, string errorCode, string what);

    [LoggerMessage(1020, LogLevel.Information, "Passivated after {IdleFor} idle: the socket is closed, the resumption handle kept")]
    public static partial void Passivated(ILogger logger, TimeSpan idleFor);

    [LoggerMessage(1021, LogLevel.Information, "A send woke the passivated session; resuming it on a new connection")]
    public static partial void Woke(ILogger logger);

    [LoggerMessage(1022, LogLevel.Information, "Recovered the session from its stored state (a handle to resume with: {HasHandle}; {Unconfirmed} messages unconfirmed)")]
    public static partial void Recovered(ILogger logger, bool hasHandle, int unconfirmed);

    [LoggerMessage(1023, LogLevel.Debug, "A server {Frame} belonged to no open turn; it was not applied to the next one")]
    public static partial void StrayFrame(ILogger logger, string frame);

    [LoggerMessage(1024, LogLevel.Warning, "No profile knows the model {Model}: the session follows the permissive one, checks nothing at setup, and learns from the server's refusals (set model-profile to choose)")]
    public static partial void UnknownModel(ILogger logger, string model);

    [LoggerMessage(1025, LogLevel.Warning, "The server refused a mid-session clientContent (1007): user text now goes as realtimeInput.text and the history as an announced seed ({Model})")]
    public static partial void LearnedNoMidSessionClientContent(ILogger logger, string model);
}
