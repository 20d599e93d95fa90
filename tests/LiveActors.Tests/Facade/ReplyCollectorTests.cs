using Akka.Actor;
using LiveActors.Errors;
using LiveActors.Facade;
using LiveActors.Protocol;
using static LiveActors.Live;

namespace LiveActors.Tests.Facade;

/// <summary>The reply to one Send, gathered from the session's events; and what a session's answer to an ask means.</summary>
public sealed class ReplyCollectorTests
{
    private static readonly ConnectionError Lost = new ConnectionError.ConnectionFailed("lost");

    [Fact]
    public void A_reply_runs_to_the_event_that_ends_it_leaving_out_other_sends_outcomes()
    {
        var reply = new ReplyCollector(sequence: 3);
        var chunk = Chunk("hello");
        var completed = new InteractionCompleted(new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } });

        Assert.Null(reply.Take(chunk));
        Assert.Null(reply.Take(new SendFailed(2, Lost)));
        var whole = reply.Take(completed);

        Assert.Equal((3L, LiveReplyEnd.Completed), (whole!.Sequence, whole.End));
        Assert.Equal([chunk, completed], whole.Events);
    }

    [Fact]
    public void An_answer_to_a_call_skips_the_end_of_the_call_s_own_turn_once_and_ends_at_its_own()
    {
        // NON_BLOCKING (3.8's default): the call's turn ends after the toolCall, before any of the answer's output.
        var completed = new InteractionCompleted(new ServerMessage { ServerContent = new ServerContent { TurnComplete = true } });
        var answer = new ReplyCollector(sequence: 5, answersCall: true);
        var chunk = Chunk("get_weather returned sunny");

        Assert.Null(answer.Take(completed));
        Assert.Null(answer.Take(chunk));
        var whole = answer.Take(completed);

        Assert.Equal(LiveReplyEnd.Completed, whole!.End);
        Assert.Equal([chunk, completed], whole.Events);
        Assert.Equal(LiveReplyEnd.Completed, new ReplyCollector(sequence: 5).Take(completed)?.End); // any other send ends there
    }

    [Fact]
    public void A_reply_asked_again_after_a_cut_starts_over_and_one_cut_for_good_ends_there()
    {
        var again = new ReplyCollector(sequence: 3);
        again.Take(Chunk("first try"));
        Assert.Null(again.Take(new ReplyCut(3, null, Lost) { AskedAgain = true }));
        var second = Chunk("second try");
        again.Take(second);
        Assert.Equal([second], again.SessionEnded().Events);

        var cut = new ReplyCollector(sequence: 3);
        Assert.Equal(LiveReplyEnd.Cut, cut.Take(new ReplyCut(3, null, Lost))?.End);
    }

    [Fact]
    public void Its_own_send_failing_or_the_session_ending_ends_a_reply()
    {
        Assert.Equal(LiveReplyEnd.NotDelivered, new ReplyCollector(3).Take(new SendFailed(3, Lost))?.End);
        Assert.Equal(LiveReplyEnd.SessionEnded, new ReplyCollector(3).Take(Closed.Instance)?.End);
        Assert.Equal(LiveReplyEnd.SessionEnded, new ReplyCollector(3).Take(new GaveUp(Lost))?.End);
        Assert.Equal((LiveReplyEnd.SessionEnded, 0), (new ReplyCollector(3).SessionEnded().End, new ReplyCollector(3).SessionEnded().Events.Count));
    }

    [Fact]
    public void An_answer_is_unwrapped_a_failure_thrown_as_a_typed_error_and_a_stranger_refused()
    {
        var closed = new LiveConnectionException(ConnectionError.SessionClosed.Instance);

        Assert.Equal(7, SessionAsker.Unwrap<int>(7));
        Assert.Same(closed, Assert.Throws<LiveConnectionException>(() => SessionAsker.Unwrap<int>(new Status.Failure(closed))));
        var wrapped = Assert.Throws<LiveConnectionException>(() => SessionAsker.Unwrap<int>(new Status.Failure(new TimeoutException("slow"))));
        var failed = Assert.IsType<ConnectionError.ConnectionFailed>(wrapped.Error);
        Assert.Equal(("slow", typeof(TimeoutException)), (failed.Reason, failed.Cause?.GetType()));
        Assert.Throws<InvalidOperationException>(() => SessionAsker.Unwrap<int>("seven"));
    }

    private static ModelTurnReceived Chunk(string text)
    {
        var content = new Content { Parts = [new Part { Text = text }] };
        return new ModelTurnReceived(new ServerMessage { ServerContent = new ServerContent { ModelTurn = content } }, content);
    }
}
