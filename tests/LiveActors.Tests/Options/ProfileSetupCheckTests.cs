using LiveActors.Errors;
using LiveActors.Options;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Options;

/// <summary>
/// What the model refuses at setup (docs/live-api.md 5.5: it would close with 1007 before any input) fails the session
/// before the first socket opens, with a clear error; <c>check-setup-against-profile = off</c> lets it through.
/// </summary>
public sealed class ProfileSetupCheckTests
{
    private static LiveConnectionOptions On(string model, Setup? setup = null) => new() { Model = model, ApiKey = "test-key", Setup = setup };

    private static Setup Modalities(params string[] modalities) => new() { GenerationConfig = new GenerationConfig { ResponseModalities = modalities } };

    private static Setup Thinking(string? level = null, int? budget = null) =>
        new() { GenerationConfig = new GenerationConfig { ThinkingConfig = new ThinkingConfig { ThinkingLevel = level, ThinkingBudget = budget } } };

    [Theory]
    [InlineData("gemini-3.8-live")]
    [InlineData("gemini-3.1-flash-live-preview")]
    [InlineData("gemini-2.5-flash-native-audio-preview-12-2025")]
    public void Today_s_models_refuse_text_responses(string model)
    {
        var error = Assert.IsType<UnsupportedByModel>(Assert.Single(On(model, Modalities("TEXT")).Validate()));

        Assert.Contains("TEXT response modality", error.What, StringComparison.Ordinal);
        Assert.Contains("output transcription", error.Instead, StringComparison.Ordinal);
        Assert.Empty(On(model, Modalities("AUDIO")).Validate());
    }

    [Fact]
    public void A_shut_down_model_fails_at_start_naming_its_replacement()
    {
        var error = Assert.IsType<UnsupportedByModel>(Assert.Single(On("gemini-live-2.5-flash-preview").Validate()));

        Assert.Contains("shut down on 2025-12-09", error.Message, StringComparison.Ordinal);
        Assert.Contains("gemini-3.8-live", error.Instead, StringComparison.Ordinal);
        Assert.Throws<LiveConnectionException>(() => On("gemini-2.0-flash-live-001").ThrowIfInvalid());
    }

    [Fact]
    public void Thinking_settings_are_checked_per_model()
    {
        Assert.Contains("thinkingLevel", Assert.IsType<UnsupportedByModel>(Assert.Single(On("gemini-3.8-live", Thinking(level: "LOW")).Validate())).What, StringComparison.Ordinal);
        Assert.Empty(On("gemini-3.8-live", Thinking(budget: 512)).Validate());
        Assert.Contains("without thinkingConfig.thinkingLevel", Assert.IsType<UnsupportedByModel>(Assert.Single(On("gemini-3.8-live-extended-thinking").Validate())).What, StringComparison.Ordinal);
        Assert.Empty(On("gemini-3.8-live-extended-thinking", Thinking(level: "HIGH")).Validate());
        Assert.Equal(2, On("gemini-3.8-live-extended-thinking", Thinking(budget: 512)).Validate().Count); // a budget, and no level
    }

    [Fact]
    public void Extended_thinking_refuses_a_blocking_declaration_and_3_8_refuses_turning_proactive_audio_off()
    {
        var blocking = new Setup
        {
            GenerationConfig = new GenerationConfig { ThinkingConfig = new ThinkingConfig { ThinkingLevel = "LOW" } },
            Tools = [new Tool { FunctionDeclarations = [new FunctionDeclaration { Name = "refund", Behavior = "BLOCKING" }] }],
        };
        var quiet = new Setup { Proactivity = new ProactivityConfig { ProactiveAudio = false } };

        Assert.Contains("refund", Assert.IsType<UnsupportedByModel>(Assert.Single(On("gemini-3.8-live-extended-thinking", blocking).Validate())).What, StringComparison.Ordinal);
        Assert.Empty(On("gemini-3.8-live", blocking with { GenerationConfig = null }).Validate());
        Assert.Contains("proactiveAudio", Assert.IsType<UnsupportedByModel>(Assert.Single(On("gemini-3.8-live", quiet).Validate())).What, StringComparison.Ordinal);
        Assert.Empty(On("gemini-2.5-flash-native-audio-preview-12-2025", quiet).Validate());
    }

    [Fact]
    public void Unknown_models_and_the_switch_turned_off_check_nothing()
    {
        Assert.Empty(On("some-future-model", Modalities("TEXT")).Validate());
        Assert.Empty((On("gemini-3.8-live", Modalities("TEXT")) with { CheckSetupAgainstProfile = false }).Validate());
        Assert.Empty((On("gemini-live-2.5-flash-preview") with { CheckSetupAgainstProfile = false }).Validate());
    }

    [Fact]
    public void The_switch_and_the_profile_are_read_from_hocon()
    {
        var options = LiveConnectionOptions.FromConfig(Akka.Configuration.ConfigurationFactory.ParseString(
            "live-actors { model = gemini-3.8-live, model-profile = gemini-3.1-early-2026, check-setup-against-profile = off }"));

        Assert.False(options.CheckSetupAgainstProfile);
        Assert.Equal("gemini-3.1-early-2026", options.ModelProfile!.Name);
        var refused = Assert.Throws<LiveConnectionException>(() => LiveConnectionOptions.FromConfig(Akka.Configuration.ConfigurationFactory.ParseString(
            "live-actors { model = gemini-3.8-live, model-profile = gemini-9 }")));
        Assert.Contains("gemini-3.8-extended-thinking", refused.Message, StringComparison.Ordinal);
    }
}
