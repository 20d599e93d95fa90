namespace LiveActors.Protocol;

/// <summary>Settings of the server's voice activity detection.</summary>
public sealed record AutomaticActivityDetection : WireObject
{
    /// <summary>True to turn automatic detection off (the client then sends activityStart/activityEnd).</summary>
    public bool? Disabled { get; init; }

    /// <summary><c>START_SENSITIVITY_HIGH</c> or <c>START_SENSITIVITY_LOW</c>.</summary>
    public string? StartOfSpeechSensitivity { get; init; }

    /// <summary><c>END_SENSITIVITY_HIGH</c> or <c>END_SENSITIVITY_LOW</c>.</summary>
    public string? EndOfSpeechSensitivity { get; init; }

    /// <summary>Audio kept before detected speech, in milliseconds.</summary>
    public int? PrefixPaddingMs { get; init; }

    /// <summary>Silence that ends speech, in milliseconds.</summary>
    public int? SilenceDurationMs { get; init; }
}
