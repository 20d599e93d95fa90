using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;

namespace LiveActors.Tests.Supervision.Turns;

/// <summary>
/// 3.8 cancels a pending BLOCKING call silently when new input arrives (docs/live-api.md 3.6): input written while one is
/// pending makes it possibly cancelled, said once per call; NON_BLOCKING calls (3.8's default) and models that send
/// toolCallCancellation are not.
/// </summary>
public sealed class PossiblyCancelledTests
{
    private static readonly IReadOnlyList<Tool> Tools =
        [new Tool { FunctionDeclarations = [new FunctionDeclaration { Name = "refund", Behavior = "BLOCKING" }, new FunctionDeclaration { Name = "lookup" }] }];

    private static ToolCallPlanner On(string model) => new(new ModelRules(new LiveConnectionOptions { Model = model }), LostToolResults.Refuse, Tools);

    private static ServerMessage Calling(string id, string name) =>
        new() { ToolCall = new ToolCall { FunctionCalls = [new FunctionCall { Id = id, Name = name }] } };

    private static ToolResponse Answer(string id) => new() { FunctionResponses = [new FunctionResponse { Id = id, Name = "refund" }] };

    [Fact]
    public void New_input_while_a_blocking_call_is_pending_on_3_8_makes_it_possibly_cancelled_once()
    {
        var calls = On("gemini-3.8-live");
        calls.ServerSent(Calling("c1", "refund"));

        var possibly = calls.InputWhilePending(ClientContent.UserText("stop, cancel that"));
        var again = calls.InputWhilePending(RealtimeInput.Pcm(new byte[320]));

        Assert.Equal(["c1"], possibly!.CallIds);
        Assert.Null(again);
        calls.Admit(Answer("c1"), out _);
        Assert.True(calls.AnswersPossiblyCancelled(Answer("c1")));
    }

    [Fact]
    public void A_tool_response_is_no_new_input_and_an_answered_call_is_not_possibly_cancelled()
    {
        var calls = On("gemini-3.8-live");
        calls.ServerSent(Calling("c1", "refund"));

        Assert.Null(calls.InputWhilePending(Answer("c1")));
        calls.Admit(Answer("c1"), out _);
        Assert.Null(calls.InputWhilePending(ClientContent.UserText("thanks")));
        Assert.False(calls.AnswersPossiblyCancelled(Answer("c1")));
    }

    [Fact]
    public void A_call_without_a_declared_behavior_is_non_blocking_on_3_8_so_input_does_not_touch_it()
    {
        var calls = On("gemini-3.8-live");
        calls.ServerSent(Calling("c2", "lookup"));

        Assert.Null(calls.InputWhilePending(ClientContent.UserText("meanwhile")));
    }

    [Fact]
    public void A_model_that_sends_toolCallCancellation_or_holds_the_turn_reports_nothing()
    {
        foreach (var model in new[] { "gemini-2.5-flash-native-audio-preview-12-2025", "gemini-3.1-flash-live-preview" })
        {
            var calls = On(model);
            calls.ServerSent(Calling("c1", "refund"));
            Assert.Null(calls.InputWhilePending(ClientContent.UserText("stop")));
        }
    }
}
