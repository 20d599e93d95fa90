using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors;

/// <summary>Reads the events out of one server message, in the order a listener wants them.</summary>
internal static class ServerEvents
{
    /// <summary>
    /// Adds the message's events to <paramref name="events"/> (one list reused for every message, so none is allocated per
    /// message). <paramref name="idleEndsInteraction"/>: only interactionStatus IDLE ends an interaction, not turnComplete.
    /// </summary>
    public static void AddTo(List<Live.Event> events, ServerMessage message, bool idleEndsInteraction)
    {
        var before = events.Count;
        if (message.VoiceActivity is { } activity)
        {
            events.Add(new VoiceActivityReceived(message, activity));
        }

        if (message.VoiceActivityDetectionSignal is { } signal)
        {
            events.Add(new VoiceActivitySignalReceived(message, signal));
        }

        if (message.ServerContent is { } content)
        {
            AddContent(message, content, events);
        }

        if (message.UsageMetadata is { } usage)
        {
            events.Add(new UsageReported(message, usage));
        }

        if (message.ToolCall is { } call)
        {
            events.Add(new ToolCallReceived(message, call));
        }

        if (message.ToolCallCancellation is { } cancellation)
        {
            events.Add(new ToolCallCancelled(message, cancellation));
        }

        if (message.GoAway is { } goAway)
        {
            events.Add(new GoAwayReceived(message, goAway));
        }

        if (message.SessionResumptionUpdate is { } update)
        {
            events.Add(new SessionResumptionUpdated(message, update));
        }

        if (message.Error is { } error)
        {
            events.Add(new ServerErrorReceived(message, error.ToError()));
        }

        if (ReplyEvidence.EndsInteraction(message, idleEndsInteraction))
        {
            events.Add(new InteractionCompleted(message));
        }

        if (events.Count == before && message.SetupComplete is null && message.InteractionStatus is null)
        {
            events.Add(new UnknownMessageReceived(message));
        }
    }

    private static void AddContent(ServerMessage message, ServerContent content, List<Live.Event> events)
    {
        if (content.InterimInputTranscription is { } interim)
        {
            events.Add(new TranscriptionReceived(message, TranscriptionSource.InterimInput, interim));
        }

        if (content.InputTranscription is { } input)
        {
            events.Add(new TranscriptionReceived(message, TranscriptionSource.Input, input));
        }

        if (content.ModelTurn is { } turn)
        {
            events.Add(new ModelTurnReceived(message, turn));
        }

        if (content.OutputTranscription is { } output)
        {
            events.Add(new TranscriptionReceived(message, TranscriptionSource.Output, output));
        }

        if (content.Interrupted == true)
        {
            events.Add(new Interrupted(message));
        }

        if (content.GenerationComplete == true)
        {
            events.Add(new GenerationCompleted(message));
        }

        if (content.TurnComplete == true)
        {
            events.Add(new TurnCompleted(message));
        }
    }
}
