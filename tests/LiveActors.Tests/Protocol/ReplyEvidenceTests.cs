using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

/// <summary>What may cause a reply (docs/live-api.md 3.6, 5.3): a SILENT answer never does, so no reply is put down to it.</summary>
public sealed class ReplyEvidenceTests
{
    private static ToolResponse Answers(params string?[] schedulings) =>
        new() { FunctionResponses = [.. schedulings.Select((s, i) => new FunctionResponse { Id = $"c{i}", Scheduling = s })] };

    [Fact]
    public void A_tool_response_of_silent_answers_only_causes_no_reply()
    {
        Assert.False(ReplyEvidence.MayCauseReply(Answers(FunctionResponseScheduling.Silent, FunctionResponseScheduling.Silent), automaticActivityDetection: true));
    }

    [Fact]
    public void Any_answer_that_prompts_output_may_cause_one()
    {
        Assert.True(ReplyEvidence.MayCauseReply(Answers(FunctionResponseScheduling.Silent, FunctionResponseScheduling.WhenIdle), automaticActivityDetection: true));
        Assert.True(ReplyEvidence.MayCauseReply(Answers(FunctionResponseScheduling.Interrupt), automaticActivityDetection: true));
        Assert.True(ReplyEvidence.MayCauseReply(Answers((string?)null), automaticActivityDetection: true)); // BLOCKING, or the WHEN_IDLE default
    }
}
