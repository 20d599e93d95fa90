using System.Text.Json;
using LiveActors.Emulator.Wire;

namespace LiveActors.Emulator.Tests;

/// <summary>The plain rules the scripted model goes by: message kinds, setup, family rules, and what it reads from input.</summary>
public sealed class ModelRulesTests
{
    [Theory]
    [InlineData("""{"clientContent":{}}""", "clientContent")]
    [InlineData("""{"tool_response":{}}""", "toolResponse")]
    [InlineData("""{"setup":{},"clientContent":{}}""", null)]
    [InlineData("""{"realtimeInput":1}""", null)]
    [InlineData("""{"future":{}}""", null)]
    [InlineData("""[]""", null)]
    public void A_message_is_named_by_its_one_known_member_in_either_spelling(string json, string? kind)
    {
        using var message = JsonDocument.Parse(json);
        Assert.Equal(kind, ClientMessageKind.Of(message.RootElement));
    }

    [Fact]
    public void The_body_is_found_under_the_spelling_it_came_in()
    {
        using var message = JsonDocument.Parse("""{"context_update":{"x":1}}""");
        Assert.Equal(1, ClientMessageKind.Body(message.RootElement, "contextUpdate").GetProperty("x").GetInt32());
    }

    [Fact]
    public void Setup_names_its_model_resumption_and_history_and_each_backend_checks_the_name_its_own_way()
    {
        using var setup = JsonDocument.Parse("""
            {"model":"models/gemini-3.1-flash-live-preview","session_resumption":{"handle":null,"transparent":true},
             "historyConfig":{"initialHistoryInClientContent":true}}
            """);
        var request = SetupRequest.Read(setup.RootElement)!;

        Assert.Equal(EmulatedFamily.Gemini3, EmulatedModels.Find(request.Model)!.Family);
        Assert.Equal(new ResumptionRequest(Transparent: true, NullHandle: true, Handle: null), request.Resumption);
        Assert.True(request.PromisesHistory);
        Assert.Null(request.ModelProblem(vertex: false));
        Assert.StartsWith("Publisher Model `models/", request.ModelProblem(vertex: true), StringComparison.Ordinal);
        Assert.Null(SetupRequest.Read(JsonDocument.Parse("""{"model":""}""").RootElement));
    }

    [Fact]
    public void Early_2026_gemini_3_1_takes_clientContent_only_as_a_promised_history_and_its_turnComplete_opens_realtime_input()
    {
        var rules = new FamilyRules(EmulatedModels.Find("models/gemini-3.1-flash-live-preview", early2026Gemini31: true)!, historyPromised: true);
        var seed = Body("""{"turns":[]}""");
        var end = Body("""{"turnComplete":true}""");

        Assert.NotNull(rules.Violation("realtimeInput", Body("{}")));
        Assert.True(rules.Seeds("clientContent", seed));
        Assert.True(rules.HistoryOpen);
        Assert.True(rules.Seeds("clientContent", end));
        Assert.False(rules.HistoryOpen);
        Assert.NotNull(rules.Violation("clientContent", seed));
        Assert.NotNull(rules.Violation("realtimeInput", Body("""{"mediaChunks":[]}""")));
        Assert.Null(rules.Violation("realtimeInput", Body("""{"text":"hi"}""")));
    }

    [Fact]
    public void Gemini_2_breaks_no_family_rule_takes_a_promised_history_and_only_extended_thinking_reports_interaction()
    {
        var gemini2 = new FamilyRules(EmulatedModels.Find("models/gemini-2.5-flash-native-audio-preview-12-2025")!, historyPromised: true);

        Assert.Null(gemini2.Violation("realtimeInput", Body("""{"text":"early"}""")));
        Assert.True(gemini2.Seeds("clientContent", Body("""{"turnComplete":true}""")));
        Assert.Null(gemini2.Violation("clientContent", Body("{}")));
        Assert.Null(gemini2.Violation("realtimeInput", Body("""{"mediaChunks":[]}""")));
        Assert.False(gemini2.Seeds("clientContent", Body("{}")));
        Assert.Null(gemini2.Idle);
        Assert.Equal("IDLE", new FamilyRules(EmulatedModels.Find("models/gemini-3.8-live-extended-thinking")!).Idle);
    }

    [Fact]
    public void A_turn_reads_as_its_texts_run_together_and_context_leaves_alone_what_it_does_not_name()
    {
        Assert.Equal("ab", ClientInput.TurnText(Body("""{"turns":[{"parts":[{"text":"a"},{"inlineData":{}}]},{"parts":[{"text":"b"}]}]}""")));

        var setup = Body("""{"systemInstruction":{"parts":[{"text":"be "},{"text":"brief"}]},"tools":[{"functionDeclarations":[{"name":"f"}]}]}""");
        var (instruction, tools) = ClientInput.Context(setup, setup);
        Assert.Equal("be brief", instruction);
        Assert.Equal(["f"], tools!);

        Assert.Equal((null, null), ClientInput.Context(Body("{}"), default));
        var cleared = Body("""{"tools":[]}""");
        Assert.Empty(ClientInput.Context(cleared, cleared).Tools!);
    }

    private static JsonElement Body(string json) => JsonDocument.Parse(json).RootElement;
}
