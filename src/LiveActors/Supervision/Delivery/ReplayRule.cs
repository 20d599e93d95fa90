using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Transport;

namespace LiveActors.Supervision.Delivery;

/// <summary>
/// When a connection ends, whether a message it held goes again on the next one or is reported as possibly undelivered.
/// One it never sent always goes again. One it sent goes again under transparent resumption (the server says what it
/// consumed, so nothing is in doubt), when the session asked for it (<see cref="Resend"/>), or, with handles, when
/// <c>session-resumption.uncertain-messages</c> says so for it; otherwise it is uncertain. Not thread-safe.
/// </summary>
internal sealed class ReplayRule(DeliveryTracking tracking, UncertainDelivery uncertain)
{
    private readonly HashSet<long> _resend = [];

    /// <summary>Sends the message numbered <paramref name="sequence"/> again, whatever the policy, if the current connection ends holding it.</summary>
    public void Resend(long sequence) => _resend.Add(sequence);

    /// <summary>Whether <paramref name="message"/>, held by the connection that ended, goes again on the next one.</summary>
    /// <param name="message">The message.</param>
    /// <param name="sent">Whether it was written, or being written, when the connection ended.</param>
    public bool Replays(OutboundMessage message, bool sent) =>
        !sent || tracking == DeliveryTracking.Transparent || _resend.Contains(message.Sequence) || tracking == DeliveryTracking.Handle && uncertain switch
        {
            UncertainDelivery.ResendAll => true,
            UncertainDelivery.ResendRealtimeAudio => message.Message is RealtimeInput { Audio: not null },
            _ => false,
        };

    /// <summary>
    /// Whether <paramref name="message"/> is a turn its sender waits to hear answered (a turn's end, text, the end of
    /// activity or of the audio stream): under transparent resumption the server's index says it has one, but only a reply
    /// says it was answered, so a drop between the two leaves its outcome uncertain. Audio, video and tool responses
    /// are done once consumed.
    /// </summary>
    public static bool AwaitsReply(ClientMessage message) => message switch
    {
        ClientContent content => content.TurnComplete == true,
        RealtimeInput input => input.Text is not null || input.ActivityEnd is not null || input.AudioStreamEnd == true,
        _ => false,
    };

    /// <summary>The connection's end is settled: what was asked to go again went.</summary>
    public void ConnectionEnded() => _resend.Clear();
}
