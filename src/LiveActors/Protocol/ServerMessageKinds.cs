namespace LiveActors.Protocol;

/// <summary>The members a <see cref="ServerMessage"/> carries; several can be set at once.</summary>
[Flags]
public enum ServerMessageKinds
{
    /// <summary>Nothing (an empty object).</summary>
    None = 0,

    /// <summary><c>setupComplete</c>.</summary>
    SetupComplete = 1 << 0,

    /// <summary><c>serverContent</c>.</summary>
    ServerContent = 1 << 1,

    /// <summary><c>toolCall</c>.</summary>
    ToolCall = 1 << 2,

    /// <summary><c>toolCallCancellation</c>.</summary>
    ToolCallCancellation = 1 << 3,

    /// <summary><c>goAway</c>.</summary>
    GoAway = 1 << 4,

    /// <summary><c>sessionResumptionUpdate</c>.</summary>
    SessionResumptionUpdate = 1 << 5,

    /// <summary><c>usageMetadata</c>.</summary>
    UsageMetadata = 1 << 6,

    /// <summary><c>voiceActivity</c>.</summary>
    VoiceActivity = 1 << 7,

    /// <summary><c>voiceActivityDetectionSignal</c>.</summary>
    VoiceActivityDetectionSignal = 1 << 8,

    /// <summary><c>error</c>.</summary>
    Error = 1 << 9,

    /// <summary>A top-level member this library does not know.</summary>
    Unknown = 1 << 10,

    /// <summary><c>interactionStatus</c> at the top level.</summary>
    InteractionStatus = 1 << 11,
}
