using Akka.Actor;
using LiveActors.Errors;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Sessions;

/// <summary>How a session's actor ended, as far as a message that reaches it afterwards is concerned.</summary>
internal enum SessionEnd
{
    /// <summary>Closed or gave up: the conversation is over.</summary>
    Closed,

    /// <summary>Stopped without closing (passivated and removed, moved, its process stopping): its state lives on.</summary>
    Stopped,
}

/// <summary>
/// The answer to a session API message that reached a session actor after it stopped, so its sender learns why at once
/// instead of waiting out a timeout: a request is answered with a typed failure (<see cref="SessionClosed"/> for a closed
/// session, <see cref="SessionStopped"/> for one that stopped without closing), a Close of a closed session with
/// <see cref="Live.Closed"/>, an envelope as its message. Anything else has no answer.
/// </summary>
internal static class DeadLetterAnswers
{
    /// <summary>What the sender of <paramref name="message"/> is told, or null when nothing.</summary>
    public static object? For(object message, SessionEnd end) => message switch
    {
        LiveSessions.Envelope envelope => For(envelope.Message, end),
        Live.Close when end == SessionEnd.Closed => Live.Closed.Instance,
        Live.Send or Live.Receive or Live.ReceiveAll or Live.GetStatus or Live.Close or Live.Subscribe or Live.Unsubscribe or LiveSessions.GetSession =>
            new Status.Failure(new LiveConnectionException(end == SessionEnd.Closed ? SessionClosed.Instance : SessionStopped.Instance)),
        _ => null,
    };
}
