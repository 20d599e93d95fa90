namespace LiveActors.Protocol;

/// <summary>Model output and turn bookkeeping. Any combination of members may be present.</summary>
public sealed record ServerContent : WireObject
{
    /// <summary>A chunk of the model's turn: text, inline audio, code, thoughts.</summary>
    public Content? ModelTurn { get; init; }

    /// <summary>The model is done; it waits for more input.</summary>
    public bool? TurnComplete { get; init; }

    /// <summary>The model finished generating (before <see cref="TurnComplete"/>; absent when interrupted).</summary>
    public bool? GenerationComplete { get; init; }

    /// <summary>The user's activity cut the model off: drop queued playback.</summary>
    public bool? Interrupted { get; init; }

    /// <summary>Grounding sources when Google Search was used.</summary>
    public GroundingMetadata? GroundingMetadata { get; init; }

    /// <summary>Transcript of the user's audio.</summary>
    public Transcription? InputTranscription { get; init; }

    /// <summary>Transcript of the model's audio.</summary>
    public Transcription? OutputTranscription { get; init; }

    /// <summary>A low-latency partial transcript of the user's audio (newer models).</summary>
    public Transcription? InterimInputTranscription { get; init; }

    /// <summary>URLs the urlContext tool retrieved.</summary>
    public UrlContextMetadata? UrlContextMetadata { get; init; }

    /// <summary>The model is silent because it expects more input.</summary>
    public bool? WaitingForInput { get; init; }

    /// <summary>Why the turn ended when not normally, for example <c>NEED_MORE_INPUT</c> or a safety reason.</summary>
    public string? TurnCompleteReason { get; init; }

    /// <summary>
    /// <see cref="InteractionStatuses.InProgress"/> or <see cref="InteractionStatuses.Idle"/> (or the deprecated
    /// <c>REQUIRES_ACTION</c>), from newer models. On extended-thinking models the model may speak several times per
    /// request and only IDLE says it is done (docs/live-api.md 4.2); it may also come at the top level,
    /// <see cref="ServerMessage.InteractionStatus"/>.
    /// </summary>
    public string? InteractionStatus { get; init; }
}
