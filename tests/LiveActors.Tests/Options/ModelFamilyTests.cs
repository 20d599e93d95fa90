using LiveActors.Errors;
using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Options;

/// <summary>Which rules a model follows (docs/live-api.md 3.2, 5.5), and what the session writes for it.</summary>
public sealed class ModelFamilyTests
{
    [Theory]
    [InlineData("gemini-live-2.5-flash-preview", ModelFamily.Gemini2)]
    [InlineData("models/gemini-2.5-flash-native-audio-preview-09-2025", ModelFamily.Gemini2)]
    [InlineData("gemini-2.0-flash-live-001", ModelFamily.Gemini2)]
    [InlineData("projects/p/locations/us-central1/publishers/google/models/gemini-live-2.5-flash", ModelFamily.Gemini2)]
    [InlineData("gemini-3.1-flash-live-preview", ModelFamily.Gemini3)]
    [InlineData("models/gemini-3.8-live", ModelFamily.Gemini3)]
    [InlineData("gemini-10-flash-live", ModelFamily.Gemini3)]
    [InlineData("GEMINI-3.1-FLASH-LIVE", ModelFamily.Gemini3)]
    [InlineData("gemini-3.8-live-extended-thinking", ModelFamily.Gemini3ExtendedThinking)]
    [InlineData("models/my-tuned-model", ModelFamily.Gemini3)]
    [InlineData("gemini-live-latest", ModelFamily.Gemini3)]
    public void The_name_tells_the_family(string model, ModelFamily expected) => Assert.Equal(expected, ModelFamilies.Of(model));

    [Fact]
    public void The_option_overrides_the_name_in_both_directions()
    {
        var options = new LiveConnectionOptions { Model = "gemini-3.1-flash-live-preview" };

        Assert.Equal(ModelFamily.Gemini3, ModelFamilies.Of(options));
        Assert.Equal(ModelFamily.Gemini2, ModelFamilies.Of(options with { ModelFamily = ModelFamily.Gemini2 }));
        Assert.Equal(ModelFamily.Gemini3ExtendedThinking, ModelFamilies.Of(options with { Model = "m", ModelFamily = ModelFamily.Gemini3ExtendedThinking }));
    }

    [Theory]
    [InlineData("auto", ModelFamily.Auto)]
    [InlineData("gemini-2", ModelFamily.Gemini2)]
    [InlineData(" Gemini-3 ", ModelFamily.Gemini3)]
    [InlineData("gemini-3-extended-thinking", ModelFamily.Gemini3ExtendedThinking)]
    public void Hocon_names_each_family(string value, ModelFamily expected)
    {
        var options = LiveConnectionOptions.FromConfig(Akka.Configuration.ConfigurationFactory.ParseString($"model-family = \"{value}\""));

        Assert.Equal(expected, options.ModelFamily);
    }

    [Fact]
    public void An_unknown_family_is_an_invalid_option_that_names_the_key_and_the_choices()
    {
        var e = Assert.Throws<LiveConnectionException>(() =>
            LiveConnectionOptions.FromConfig(Akka.Configuration.ConfigurationFactory.ParseString("model-family = gemini-4")));

        var invalid = Assert.IsType<InvalidOption>(e.Error);
        Assert.Equal("model-family", invalid.ConfigKey);
        Assert.Contains("gemini-3-extended-thinking", invalid.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_the_gemini_3_family_a_user_text_turn_goes_as_realtime_text_and_other_client_content_is_refused()
    {
        var rules = new ModelRules(new LiveConnectionOptions { Model = "gemini-3.1-flash-live-preview", ModelFamily = ModelFamily.Gemini3 });

        Assert.Equal(RealtimeInput.FromText("Hello"), rules.WireForm(ClientContent.UserText("Hello"), out var none));
        Assert.Null(none);
        var history = new ClientContent { Turns = [Content.FromText("Hi"), Content.FromText("Hello!", Roles.Model)], TurnComplete = true };
        Assert.Null(rules.WireForm(history, out var refusal));
        Assert.Equal("unsupported_by_model", refusal!.Code);
        Assert.Contains("RealtimeInput.FromText", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("InitialHistory", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("gemini-3.1-flash-live-preview", refusal.Message, StringComparison.Ordinal);
        Assert.Null(rules.WireForm(new ClientContent { Turns = [Content.FromText("half")], TurnComplete = false }, out _));
    }

    [Fact]
    public void On_gemini_2_client_content_goes_as_it_is()
    {
        var rules = new ModelRules(new LiveConnectionOptions { Model = "gemini-live-2.5-flash-preview" });
        var history = new ClientContent { Turns = [Content.FromText("Hi"), Content.FromText("Hello!", Roles.Model)], TurnComplete = false };

        Assert.Same(history, rules.WireForm(history, out _));
        Assert.IsType<ClientContent>(rules.UserText("x"));
    }

    [Fact]
    public void No_family_takes_a_second_setup_or_media_chunks()
    {
        var chunks = System.Text.Json.JsonDocument.Parse("""{"mediaChunks":[{"mimeType":"audio/pcm;rate=16000","data":"AAAA"}]}""").RootElement;
        var legacy = new RealtimeInput { ExtensionData = new Dictionary<string, System.Text.Json.JsonElement> { ["mediaChunks"] = chunks.GetProperty("mediaChunks") } };

        foreach (var family in new[] { ModelFamily.Gemini2, ModelFamily.Gemini3 })
        {
            var rules = new ModelRules(new LiveConnectionOptions { Model = "m", ModelFamily = family });
            Assert.Null(rules.WireForm(new Setup { Model = "models/m" }, out var setup));
            Assert.Contains("ContextUpdate", setup!.Instead, StringComparison.Ordinal);
            Assert.Null(rules.WireForm(legacy, out var media));
            Assert.Contains("RealtimeInput.Pcm", media!.Instead, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Initial_history_takes_the_form_of_the_family()
    {
        IReadOnlyList<Content> turns = [Content.FromText("My name is Ada."), Content.FromText("Hello Ada!", Roles.Model)];
        var three = new ModelRules(new LiveConnectionOptions { Model = "gemini-3.1-flash-live-preview", ModelFamily = ModelFamily.Gemini3, InitialHistory = turns });
        var two = new ModelRules(new LiveConnectionOptions { Model = "gemini-live-2.5-flash-preview", InitialHistory = turns });

        Assert.Equal(true, three.History!.TurnComplete);
        Assert.Equal(true, three.WithHistoryConfig(new Setup()).HistoryConfig?.InitialHistoryInClientContent);
        Assert.Equal(false, two.History!.TurnComplete);
        Assert.Null(two.WithHistoryConfig(new Setup()).HistoryConfig);
        Assert.Null(new ModelRules(new LiveConnectionOptions { Model = "gemini-3.1-flash-live-preview", ModelFamily = ModelFamily.Gemini3 }).WithHistoryConfig(new Setup()).HistoryConfig);
    }
}
