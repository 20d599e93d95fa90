using System.Diagnostics;
using LiveActors.Protocol;

namespace LiveActors.Telemetry;

/// <summary>
/// The time each reply took, for the GenAI histograms: <c>gen_ai.client.operation.time_to_first_chunk</c> and
/// <c>gen_ai.client.operation.duration</c> from the client message that asked for the reply, and <c>live.turn.latency</c>
/// from the end of the user's turn (that message, or the server's end-of-speech signal under automatic activity
/// detection) to the reply's first chunk. One per session, used only by its supervisor; times are
/// <see cref="Stopwatch"/> timestamps, so the maths is tested without a clock.
/// </summary>
/// <remarks>
/// Requests wait in the order they were handed, and each new reply takes the oldest: several text turns sent at once
/// are each timed from their own send. Audio streamed under automatic activity detection asks for nothing by itself,
/// so its replies are timed only from the server's end-of-speech signal when the setup asks for one, and otherwise not
/// at all (a time from an arbitrary chunk would be a wrong figure, not a rough one).
/// </remarks>
internal sealed class TurnTiming(KeyValuePair<string, object?>[] tags)
{
    private const int MostWaiting = 64; // a client that never hears replies must not grow this without bound

    private readonly Queue<long> _asked = new();
    private long? _speechEnded;
    private long? _requestedAt;
    private long? _turnEndedAt;
    private bool _inReply;

    /// <summary>A message was handed to the connection at <paramref name="timestamp"/>: if it asks for a reply, the reply is timed from here.</summary>
    public void Handed(ClientMessage message, long timestamp)
    {
        if (!ReplyEvidence.MayCauseReply(message, automaticActivityDetection: false) || message is RealtimeInput { Audio: not null } or RealtimeInput { Video: not null }
            || (_inReply && message is ToolResponse))
        {
            // a tool's answer belongs to the reply that asked for it: the model goes on with that reply
            return;
        }

        if (_asked.Count == MostWaiting)
        {
            _asked.Dequeue();
        }

        _asked.Enqueue(timestamp);
    }

    /// <summary>A server message arrived at <paramref name="timestamp"/>; <paramref name="endsInteraction"/> says whether it ends the reply.</summary>
    public void ServerSent(ServerMessage message, bool endsInteraction, long timestamp)
    {
        if (message.VoiceActivity?.ActivityType == "ACTIVITY_END" || message.VoiceActivityDetectionSignal?.VadSignalType == "VAD_SIGNAL_TYPE_EOS")
        {
            _speechEnded = timestamp;
        }

        if (!_inReply && ReplyEvidence.IsReply(message))
        {
            StartReply(timestamp);
        }

        if (_inReply && endsInteraction)
        {
            EndReply(timestamp, errorType: null);
        }
    }

    /// <summary>The connection ended at <paramref name="timestamp"/>: a streaming reply ends as cut, and nothing asked on it is answered on the next.</summary>
    public void ConnectionEnded(long timestamp)
    {
        if (_inReply)
        {
            EndReply(timestamp, errorType: "reply_cut");
        }

        _asked.Clear();
        _speechEnded = null;
    }

    private void StartReply(long timestamp)
    {
        _inReply = true;
        _requestedAt = _asked.TryDequeue(out var asked) ? asked : null;
        _turnEndedAt = Latest(_requestedAt, _speechEnded);
        _speechEnded = null;
        if (_requestedAt is { } requested)
        {
            LiveTelemetry.TimeToFirstChunk.Record(Seconds(requested, timestamp), tags);
        }

        if (_turnEndedAt is { } turnEnded)
        {
            LiveTelemetry.TurnLatency.Record(Seconds(turnEnded, timestamp), tags);
        }
    }

    private void EndReply(long timestamp, string? errorType)
    {
        _inReply = false;
        if ((_requestedAt ?? _turnEndedAt) is { } from)
        {
            var seconds = Seconds(from, timestamp);
            if (errorType is null)
            {
                LiveTelemetry.OperationDuration.Record(seconds, tags);
            }
            else
            {
                LiveTelemetry.OperationDuration.Record(seconds, [.. tags, new("error.type", errorType)]);
            }
        }

        _requestedAt = null;
        _turnEndedAt = null;
    }

    private static long? Latest(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
