using LiveActors.Protocol;

namespace LiveActors.Telemetry;

/// <summary>Short kind names for tags and logs.</summary>
internal static class MessageKinds
{
    public static string Of(ClientMessage message) => message switch
    {
        Setup => "setup",
        ClientContent => "clientContent",
        RealtimeInput => "realtimeInput",
        ToolResponse => "toolResponse",
        ContextUpdate => "contextUpdate",
        _ => "raw",
    };

    public static string Of(ServerMessage message) =>
        message.ServerContent is not null ? "serverContent"
        : message.ToolCall is not null ? "toolCall"
        : message.SessionResumptionUpdate is not null ? "sessionResumptionUpdate"
        : message.UsageMetadata is not null ? "usageMetadata"
        : message.SetupComplete is not null ? "setupComplete"
        : message.ToolCallCancellation is not null ? "toolCallCancellation"
        : message.GoAway is not null ? "goAway"
        : message.VoiceActivity is not null ? "voiceActivity"
        : message.VoiceActivityDetectionSignal is not null ? "voiceActivityDetectionSignal"
        : message.Error is not null ? "error"
        : message.InteractionStatus is not null ? "interactionStatus"
        : "unknown";
}
