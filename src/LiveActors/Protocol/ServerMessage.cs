using System.Text.Json.Serialization;

namespace LiveActors.Protocol;

/// <summary>
/// One message from the server. Its members are not exclusive (<c>usageMetadata</c> rides along with
/// <c>serverContent</c>), so every member present is decoded; <see cref="Kinds"/> says which. Members the library does
/// not know are kept in <see cref="WireObject.AdditionalProperties"/>, and a message with nothing known is still
/// delivered, with <see cref="ServerMessageKinds.Unknown"/>.
/// </summary>
public sealed record ServerMessage : WireObject
{
    /// <summary>The answer to setup: the session is ready.</summary>
    public SetupComplete? SetupComplete { get; init; }

    /// <summary>Model output, transcriptions and turn markers.</summary>
    public ServerContent? ServerContent { get; init; }

    /// <summary>Functions the model wants called.</summary>
    public ToolCall? ToolCall { get; init; }

    /// <summary>Earlier calls the model no longer wants.</summary>
    public ToolCallCancellation? ToolCallCancellation { get; init; }

    /// <summary>The server will end this connection soon.</summary>
    public GoAway? GoAway { get; init; }

    /// <summary>A new resumption handle, or word that the session cannot be resumed right now.</summary>
    public SessionResumptionUpdate? SessionResumptionUpdate { get; init; }

    /// <summary>Token counts.</summary>
    public UsageMetadata? UsageMetadata { get; init; }

    /// <summary>The server detected the start or end of speech.</summary>
    public VoiceActivity? VoiceActivity { get; init; }

    /// <summary>An explicit voice-activity signal (allow-listed projects).</summary>
    public VoiceActivityDetectionSignal? VoiceActivityDetectionSignal { get; init; }

    /// <summary>An error payload, which some servers send before closing.</summary>
    public ServerErrorPayload? Error { get; init; }

    /// <summary>
    /// <c>IN_PROGRESS</c> or <c>IDLE</c> at the top level of the message, beside a toolCall for example, where Google's
    /// thinking documentation shows it; it may come in <see cref="ServerContent.InteractionStatus"/> instead.
    /// </summary>
    public string? InteractionStatus { get; init; }

    /// <summary>The interactionStatus the message reports, at the top level or in serverContent; null when it has none.</summary>
    [JsonIgnore]
    public string? ReportedInteractionStatus => InteractionStatus ?? ServerContent?.InteractionStatus;

    /// <summary>Which members this message carries.</summary>
    [JsonIgnore]
    public ServerMessageKinds Kinds =>
        (SetupComplete is null ? 0 : ServerMessageKinds.SetupComplete)
        | (ServerContent is null ? 0 : ServerMessageKinds.ServerContent)
        | (ToolCall is null ? 0 : ServerMessageKinds.ToolCall)
        | (ToolCallCancellation is null ? 0 : ServerMessageKinds.ToolCallCancellation)
        | (GoAway is null ? 0 : ServerMessageKinds.GoAway)
        | (SessionResumptionUpdate is null ? 0 : ServerMessageKinds.SessionResumptionUpdate)
        | (UsageMetadata is null ? 0 : ServerMessageKinds.UsageMetadata)
        | (VoiceActivity is null ? 0 : ServerMessageKinds.VoiceActivity)
        | (VoiceActivityDetectionSignal is null ? 0 : ServerMessageKinds.VoiceActivityDetectionSignal)
        | (Error is null ? 0 : ServerMessageKinds.Error)
        | (InteractionStatus is null ? 0 : ServerMessageKinds.InteractionStatus)
        | (AdditionalProperties is { Count: > 0 } ? ServerMessageKinds.Unknown : 0);
}
