using System.Text;
using System.Text.Json;
using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

/// <summary>
/// A member of an unexpected JSON type is kept raw and noted, and the rest of the frame is delivered: a turnComplete
/// or a tool call beside it is not lost. Only a frame that is not a JSON object at all is a protocol error.
/// </summary>
public sealed class TolerantParsingTests
{
    private static (ServerMessage Message, IReadOnlyList<string> Odd) Parse(string frame)
    {
        Assert.True(ServerMessageParser.TryParse(Encoding.UTF8.GetBytes(frame), out var message, out var error, out var odd), error?.Detail);
        return (message, odd ?? []);
    }

    [Fact]
    public void A_boolean_that_is_a_string_is_kept_raw_and_the_turn_still_completes()
    {
        var (message, odd) = Parse("""{"serverContent":{"interrupted":"yes","turnComplete":true}}""");

        Assert.True(message.ServerContent!.TurnComplete);
        Assert.Null(message.ServerContent.Interrupted);
        Assert.Equal("yes", message.ServerContent.AdditionalProperties!["interrupted"].GetString());
        Assert.Equal(["interrupted"], odd);
    }

    [Fact]
    public void A_member_the_serializer_reads_keeps_the_rest_of_the_frame_when_it_does_not_fit()
    {
        var (message, odd) = Parse("""{"usageMetadata":{"totalTokenCount":"many"},"toolCall":{"functionCalls":[{"id":"c1","name":"lookup"}]}}""");

        Assert.Equal("lookup", Assert.Single(message.ToolCall!.FunctionCalls!).Name);
        Assert.Null(message.UsageMetadata);
        Assert.Equal("many", message.AdditionalProperties!["usageMetadata"].GetProperty("totalTokenCount").GetString());
        Assert.Equal(["usageMetadata"], odd);
    }

    [Theory]
    [InlineData("""{"serverContent":5}""", "serverContent")]
    [InlineData("""{"goAway":{"timeLeft":"soon"}}""", "goAway")]
    [InlineData("""{"serverContent":{"outputTranscription":[]}}""", "outputTranscription")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":{}}}}""", "parts")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"text":5}]}}}""", "text")]
    [InlineData("""{"serverContent":{"modelTurn":{"parts":[{"inlineData":{"data":"not base64!"}}]}}}""", "data")]
    [InlineData("""{"serverContent":{"groundingMetadata":"none"}}""", "groundingMetadata")]
    public void Each_odd_member_is_noted_by_name_and_written_back_as_it_came(string frame, string member)
    {
        var (message, odd) = Parse(frame);

        Assert.Equal([member], odd);
        using var original = JsonDocument.Parse(frame);
        using var written = JsonDocument.Parse(JsonSerializer.Serialize(message, LiveJsonContext.Default.ServerMessage));
        Assert.True(JsonElement.DeepEquals(original.RootElement, written.RootElement), written.RootElement.GetRawText());
    }

    [Fact]
    public void A_null_part_is_passed_over_and_noted_and_the_other_parts_are_kept()
    {
        var (message, odd) = Parse("""{"serverContent":{"modelTurn":{"parts":[null,{"text":"hi"}]},"turnComplete":true}}""");

        Assert.Equal("hi", Assert.Single(message.ServerContent!.ModelTurn!.Parts!).Text);
        Assert.True(message.ServerContent.TurnComplete);
        Assert.Equal(["parts[]"], odd);
    }

    [Fact]
    public void A_well_formed_frame_notes_nothing()
    {
        var (_, odd) = Parse("""{"serverContent":{"modelTurn":{"parts":[{"text":"hi"}]},"turnComplete":true}}""");

        Assert.Empty(odd);
    }

    [Theory]
    [InlineData("9.0")]
    [InlineData("9")]
    [InlineData("\"9\"")]
    public void TopK_reads_as_Googles_SDKs_write_it(string topK)
    {
        var json = """{"setup":{"model":"models/x","generationConfig":{"topK":TOPK}}}""".Replace("TOPK", topK, StringComparison.Ordinal);

        var envelope = JsonSerializer.Deserialize(json, LiveJsonContext.Default.ClientMessageEnvelope);

        Assert.Equal(9.0, envelope!.Setup!.GenerationConfig!.TopK);
    }
}
