using System.Text.Json;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using LiveActors.Transport;

namespace LiveActors.Tests.Supervision.Turns;

/// <summary>The tool-call rules of a session across its connections, without an actor.</summary>
public sealed class ToolCallPlannerTests
{
    private static readonly ModelRules Rules = new(new LiveConnectionOptions { Model = "gemini-2.5-flash" });

    [Fact]
    public void A_call_is_pending_until_answered_or_cancelled_by_the_server()
    {
        var calls = new ToolCallPlanner(Rules, LostToolResults.Refuse);
        calls.ServerSent(Calling(("c1", "lookup"), ("c2", "search")));
        Assert.True(calls.AnswersPending(Answer("c1")));

        var answer = Answer("c1");
        Assert.Same(answer, calls.Admit(answer, out var refusal));
        Assert.Null(refusal);
        Assert.False(calls.AnswersPending(Answer("c1")));
        Assert.True(calls.AnyPending);

        calls.ServerSent(new ServerMessage { ToolCallCancellation = new ToolCallCancellation { Ids = ["c2"] } });
        Assert.False(calls.AnyPending);
    }

    [Fact]
    public void The_calls_pending_when_a_connection_ends_are_reported_cancelled_by_the_connection_once()
    {
        var calls = new ToolCallPlanner(Rules, LostToolResults.Refuse);
        calls.ServerSent(Calling(("c1", "lookup")));

        var cancelled = calls.ConnectionEnded();

        Assert.NotNull(cancelled);
        Assert.True(cancelled.ByConnection);
        Assert.Equal(["c1"], cancelled.Cancellation.Ids!);
        Assert.False(calls.AnyPending);
        Assert.Null(calls.ConnectionEnded());
    }

    [Fact]
    public void An_answer_to_a_lost_call_is_refused_with_the_lost_ids_when_results_are_not_sent_as_text()
    {
        var calls = LostCall(LostToolResults.Refuse);

        Assert.True(calls.AnswersLost(Answer("c1")));
        Assert.Null(calls.Admit(Answer("c1"), out var refusal));
        Assert.Equal(new[] { "c1" }, refusal!.CallIds);
        Assert.Null(calls.Rescue(Answer("c1"), out var rescueRefusal));
        Assert.Equal(new[] { "c1" }, rescueRefusal!.CallIds);
    }

    [Fact]
    public void With_results_as_text_an_answer_to_a_lost_call_becomes_a_user_turn_naming_the_tool_and_its_result()
    {
        var calls = LostCall(LostToolResults.AsText);
        var result = JsonDocument.Parse("""{"sky":"sunny"}""").RootElement;
        var answer = new ToolResponse { FunctionResponses = [new FunctionResponse { Id = "c1", Response = result }, new FunctionResponse { Id = "other" }] };

        var text = TextOf(calls.Admit(answer, out var refusal)!);

        Assert.Null(refusal);
        Assert.Contains("The result of lookup, called before the connection was lost: {\"sky\":\"sunny\"}", text, StringComparison.Ordinal);
        Assert.Contains("The result of a tool, called before the connection was lost: {}", text, StringComparison.Ordinal); // a name nobody knows
        Assert.Equal(text, TextOf(calls.Rescue(answer, out _)!));
    }

    [Fact]
    public void A_message_that_answers_no_call_goes_as_it_is()
    {
        var calls = LostCall(LostToolResults.AsText);
        var turn = ClientContent.UserText("hello");

        Assert.Same(turn, calls.Admit(turn, out var refusal));
        Assert.Null(refusal);
        Assert.False(calls.AnswersLost(turn));
    }

    /// <summary>A planner whose call c1 (lookup) was pending when the connection ended.</summary>
    private static ToolCallPlanner LostCall(LostToolResults lostResults)
    {
        var calls = new ToolCallPlanner(Rules, lostResults);
        calls.ServerSent(Calling(("c1", "lookup")));
        calls.ConnectionEnded();
        return calls;
    }

    private static ServerMessage Calling(params (string Id, string Name)[] calls) =>
        new() { ToolCall = new ToolCall { FunctionCalls = [.. calls.Select(c => new FunctionCall { Id = c.Id, Name = c.Name })] } };

    private static ToolResponse Answer(string id) => new() { FunctionResponses = [new FunctionResponse { Id = id }] };

    private static string TextOf(ClientMessage message) => message switch
    {
        ClientContent content => string.Concat(content.Turns!.SelectMany(t => t.Parts!).Select(p => p.Text)),
        RealtimeInput input => input.Text!,
        _ => throw new InvalidOperationException($"not text: {message.GetType().Name}"),
    };
}
