namespace LiveActors.Protocol;

/// <summary>How realtime input is turned into turns: voice activity detection and interruption.</summary>
public sealed record RealtimeInputConfig : WireObject
{
    /// <summary>The server's voice activity detection; disable it to mark turns with activityStart/activityEnd.</summary>
    public AutomaticActivityDetection? AutomaticActivityDetection { get; init; }

    /// <summary><c>START_OF_ACTIVITY_INTERRUPTS</c> (default) or <c>NO_INTERRUPTION</c>.</summary>
    public string? ActivityHandling { get; init; }

    /// <summary><c>TURN_INCLUDES_ONLY_ACTIVITY</c> (default), <c>TURN_INCLUDES_ALL_INPUT</c> or <c>TURN_INCLUDES_AUDIO_ACTIVITY_AND_ALL_VIDEO</c>.</summary>
    public string? TurnCoverage { get; init; }
}
