namespace LiveActors.Protocol;

/// <summary>
/// What a client message can cause and what a server message proves, for confirmation by evidence (docs/live-api.md 5.3):
/// the server handles a connection's messages in order, so a reply shows it has the message that caused it and
/// everything before.
/// </summary>
internal static class ReplyEvidence
{
    /// <summary>
    /// Whether the server may answer <paramref name="message"/> with a reply: a turn's end, a tool response, text,
    /// the end of activity or of the audio stream, and (with automatic activity detection) audio or video. Counting a
    /// message that causes nothing only makes the evidence more cautious, so anything unknown counts.
    /// </summary>
    public static bool MayCauseReply(ClientMessage message, bool automaticActivityDetection) => message switch
    {
        ClientContent content => content.TurnComplete == true,
        RealtimeInput input => input.Text is not null || input.ActivityEnd is not null || input.AudioStreamEnd == true
            || (automaticActivityDetection && (input.Audio is not null || input.Video is not null))
            || (input.ActivityStart is null && input.Audio is null && input.Video is null),
        // A SILENT answer only adds to the context and prompts no output (docs/live-api.md 3.6): no reply is its.
        ToolResponse { FunctionResponses: { Count: > 0 } responses } => !responses.All(r => r.Scheduling == FunctionResponseScheduling.Silent),
        _ => true,
    };

    /// <summary>Whether <paramref name="message"/> is model output, part of a reply: content, a turn marker, or a tool call.</summary>
    public static bool IsReply(ServerMessage message) =>
        message.ToolCall is not null
        || message.ServerContent is { } content
            && (content.ModelTurn is not null || content.TurnComplete == true || content.Interrupted == true
                || content.GenerationComplete == true || content.OutputTranscription is not null);

    /// <summary>
    /// Whether <paramref name="message"/> ends the interaction it belongs to: interactionStatus IDLE when
    /// <paramref name="idleEndsInteraction"/> (the model reports it, and may complete several turns first), else
    /// turnComplete (interrupted is followed by it).
    /// </summary>
    public static bool EndsInteraction(ServerMessage message, bool idleEndsInteraction) => idleEndsInteraction
        ? InteractionStatuses.IsIdle(message.ReportedInteractionStatus)
        : message.ServerContent?.TurnComplete == true;
}
