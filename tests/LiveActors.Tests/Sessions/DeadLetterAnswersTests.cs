using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Protocol;
using LiveActors.Sessions;
using static LiveActors.Errors.ConnectionError;
using static LiveActors.Live;

namespace LiveActors.Tests.Sessions;

/// <summary>The answer to a message that reached a stopped session: a typed failure per request, Closed for a Close of a closed one, nothing for the rest.</summary>
public sealed class DeadLetterAnswersTests
{
    [Fact]
    public void Requests_to_a_closed_session_fail_with_session_closed_and_to_a_stopped_one_with_session_stopped()
    {
        object[] requests = [new Send(ClientContent.UserText("hi")), new Live.Receive(), ReceiveAll.Instance, GetStatus.Instance, new LiveSessions.GetSession("a")];

        foreach (var request in requests)
        {
            Assert.Same(SessionClosed.Instance, Error(DeadLetterAnswers.For(request, SessionEnd.Closed)));
            Assert.Same(SessionStopped.Instance, Error(DeadLetterAnswers.For(request, SessionEnd.Stopped)));
        }
    }

    [Fact]
    public void Close_of_a_closed_session_is_Closed_and_of_a_stopped_one_a_failure_since_its_state_lives_on()
    {
        Assert.Same(Closed.Instance, DeadLetterAnswers.For(Close.Instance, SessionEnd.Closed));
        Assert.Same(SessionStopped.Instance, Error(DeadLetterAnswers.For(Close.Instance, SessionEnd.Stopped)));
    }

    [Fact]
    public void An_envelope_is_answered_as_its_message_and_anything_else_not_at_all()
    {
        Assert.Same(SessionStopped.Instance, Error(DeadLetterAnswers.For(new LiveSessions.Envelope("a", GetStatus.Instance), SessionEnd.Stopped)));
        Assert.Null(DeadLetterAnswers.For("hello", SessionEnd.Closed));
        Assert.Null(DeadLetterAnswers.For(new SendAccepted(1), SessionEnd.Closed)); // a reply, not a request: nobody waits for its answer
    }

    private static ConnectionError Error(object? answer) =>
        Assert.IsType<LiveConnectionException>(Assert.IsType<Status.Failure>(answer).Cause).Error;
}
