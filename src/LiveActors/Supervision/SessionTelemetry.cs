using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Telemetry;

namespace LiveActors.Supervision;

/// <summary>
/// What a session records beside its logs: the GenAI tags every record carries, each reply's timing, token usage, the
/// retries scheduled and the inbox drops, and which unknown server members it has logged already. Times are
/// <see cref="System.Diagnostics.Stopwatch"/> timestamps given by the caller, so the recorder needs no clock.
/// </summary>
internal sealed class SessionTelemetry
{
    private readonly TurnTiming _timing;
    private readonly HashSet<string> _oddMembersSeen = new(StringComparer.Ordinal);

    /// <param name="options">The session's options: its provider and model name the GenAI tags.</param>
    public SessionTelemetry(LiveConnectionOptions options)
    {
        Tags = LiveTelemetry.GenAiTags(options);
        _timing = new TurnTiming(Tags);
    }

    /// <summary>Provider, model and operation: the tags of every GenAI record, the socket's included.</summary>
    public KeyValuePair<string, object?>[] Tags { get; }

    /// <summary>A message was handed to the connection at <paramref name="timestamp"/>: a reply to it is timed from here.</summary>
    public void Handed(ClientMessage message, long timestamp) => _timing.Handed(message, timestamp);

    /// <summary>
    /// A server message arrived at <paramref name="timestamp"/>: it may start or end a reply's timing
    /// (<paramref name="endsInteraction"/>), and its usageMetadata is recorded as gen_ai.client.token.usage.
    /// </summary>
    public void ServerSent(ServerMessage message, bool endsInteraction, long timestamp)
    {
        _timing.ServerSent(message, endsInteraction, timestamp);
        if (message.UsageMetadata is not { } usage)
        {
            return;
        }

        if (usage.PromptTokenCount is { } input)
        {
            LiveTelemetry.TokenUsage.Record(input, [.. Tags, new("gen_ai.token.type", "input")]);
        }

        if ((usage.ResponseTokenCount ?? usage.CandidatesTokenCount) is { } output)
        {
            LiveTelemetry.TokenUsage.Record(output, [.. Tags, new("gen_ai.token.type", "output")]);
        }
    }

    /// <summary>The connection ended at <paramref name="timestamp"/>: a reply still streaming is recorded as cut.</summary>
    public void ConnectionEnded(long timestamp) => _timing.ConnectionEnded(timestamp);

    /// <summary>A reconnect was scheduled.</summary>
    public static void RetryScheduled() => LiveTelemetry.Retries.Add(1);

    /// <summary>The inbox dropped <paramref name="count"/> messages to stay within its limits.</summary>
    public static void InboxDropped(int count)
    {
        if (count > 0)
        {
            LiveTelemetry.InboxDropped.Add(count);
        }
    }

    /// <summary>A server frame (its wire name, <paramref name="frame"/>) belonged to no open turn and was not applied to the next one.</summary>
    public static void StrayFrame(string frame) => LiveTelemetry.StrayFrames.Add(1, LiveTelemetry.Kind(frame));

    /// <summary>
    /// The members of <paramref name="oddMembers"/> not seen before in this session: each is logged once, as a server
    /// that always sends one would otherwise flood the log.
    /// </summary>
    public IEnumerable<string> FirstSeen(IReadOnlyList<string>? oddMembers) => (oddMembers ?? []).Where(_oddMembersSeen.Add).ToArray();
}
