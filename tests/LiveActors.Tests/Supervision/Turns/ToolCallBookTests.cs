using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;

namespace LiveActors.Tests.Supervision.Turns;

public sealed class ToolCallBookTests
{
    private static ToolResponse Answer(params string[] ids) =>
        new() { FunctionResponses = [.. ids.Select(id => new FunctionResponse { Id = id })] };

    [Fact]
    public void A_call_pending_when_the_connection_ends_is_reported_for_cancellation_and_remembered_as_lost_with_its_name()
    {
        var calls = new ToolCallBook();
        calls.Called("c1", "lookup");
        Assert.True(calls.AnyPending);
        Assert.True(calls.AnswersPending(Answer("c1")));

        Assert.Equal(["c1"], calls.ConnectionEnded());

        Assert.False(calls.AnyPending);
        Assert.False(calls.AnswersPending(Answer("c1")));
        Assert.Equal(["c1"], calls.LostIn(Answer("c1", "other")));
        Assert.Equal("lookup", calls.NameOfLost("c1"));
        Assert.Empty(calls.ConnectionEnded()); // once
    }

    [Fact]
    public void An_answer_given_on_a_connection_that_ends_is_lost_with_it_but_not_reported_as_a_cancellation()
    {
        var calls = new ToolCallBook();
        calls.Called("c1", "lookup");
        calls.Answered(Answer("c1"));
        Assert.False(calls.AnyPending);

        Assert.Empty(calls.ConnectionEnded());
        Assert.Equal(["c1"], calls.LostIn(Answer("c1")));
    }

    [Fact]
    public void A_call_the_server_cancelled_or_one_answered_on_a_connection_that_lasts_is_never_lost()
    {
        var calls = new ToolCallBook();
        calls.Called("c1", null);
        calls.Called("c2", null);
        calls.Cancelled("c1");
        calls.Answered(Answer("c2"));
        calls.ConnectionEnded(); // c2's answer was on this connection: lost with it

        calls.Called("c3", null);
        calls.Answered(Answer("c3"));

        Assert.Empty(calls.LostIn(Answer("c1", "c3")));
        Assert.Equal(["c2"], calls.LostIn(Answer("c2")));
        Assert.Empty(calls.LostIn(ClientContent.UserText("not an answer")));
    }

    [Fact]
    public void Past_the_limit_the_oldest_lost_calls_are_forgotten()
    {
        var calls = new ToolCallBook();
        for (var i = 0; i <= ToolCallBook.LostKept; i++)
        {
            calls.Called($"c{i}", null);
            calls.ConnectionEnded();
        }

        Assert.Empty(calls.LostIn(Answer("c0")));
        Assert.Equal(["c1", $"c{ToolCallBook.LostKept}"], calls.LostIn(Answer("c1", $"c{ToolCallBook.LostKept}")));
    }
}
