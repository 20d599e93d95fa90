using LiveActors.Models;

namespace LiveActors.Tests.Models;

/// <summary>The profile table answers docs/live-api.md 1.5 and 5.5 for every name a model goes by.</summary>
public sealed class ModelProfileTests
{
    [Theory]
    [InlineData("gemini-3.8-live", "gemini-3.8")]
    [InlineData("models/gemini-3.8-live", "gemini-3.8")]
    [InlineData("projects/p/locations/us-central1/publishers/google/models/gemini-3.8-live", "gemini-3.8")]
    [InlineData(" GEMINI-3.8-LIVE ", "gemini-3.8")]
    [InlineData("gemini-3.8-live-extended-thinking", "gemini-3.8-extended-thinking")]
    [InlineData("gemini-3.1-flash-live-preview", "gemini-3.1")]
    [InlineData("gemini-2.5-flash-native-audio-preview-12-2025", "gemini-2.5-native-audio")]
    [InlineData("gemini-live-2.5-flash-native-audio", "gemini-2.5-native-audio")]
    [InlineData("gemini-live-2.5-flash-preview", "retired")]
    [InlineData("gemini-2.0-flash-live-001", "retired")]
    [InlineData("gemini-9-live", "permissive")]
    [InlineData("my-tuned-model", "permissive")]
    public void A_name_in_any_form_finds_the_profile_of_its_longest_prefix(string model, string profile) =>
        Assert.Equal(profile, ModelProfiles.For(model).Name);

    [Fact]
    public void Every_model_served_today_takes_audio_and_refuses_text()
    {
        var served = ModelProfiles.All.Where(p => p.Known && p.ShutDownOn is null).ToList();

        Assert.NotEmpty(served);
        Assert.All(served, p => Assert.True(p.Accepts("AUDIO") && !p.Accepts("TEXT"), p.Name));
        Assert.True(ModelProfiles.Permissive.Accepts("TEXT"));
    }

    [Fact]
    public void Gemini_3_8_calls_functions_without_blocking_and_cancels_a_blocking_call_silently()
    {
        var profile = ModelProfiles.For(ModelProfiles.DefaultModel);

        Assert.Equal(FunctionBehavior.NonBlocking, profile.DefaultFunctionBehavior);
        Assert.Equal(Acceptance.Accepted, profile.ResponseScheduling);
        Assert.Equal(BlockingCallOnInput.SilentCancel, profile.BlockingCallOnInput);
        Assert.True(profile.MidSessionClientContent);
        Assert.Equal(Acceptance.Rejected, profile.ThinkingLevel);
        Assert.Equal(ProactiveAudio.AlwaysOn, profile.ProactiveAudio);
    }

    [Fact]
    public void Extended_thinking_needs_a_thinking_level_refuses_blocking_and_scheduling_and_ends_on_idle()
    {
        var profile = ModelProfiles.Gemini38ExtendedThinking;

        Assert.Equal(Acceptance.Required, profile.ThinkingLevel);
        Assert.Equal(Acceptance.Rejected, profile.ThinkingBudget);
        Assert.Equal(Acceptance.Rejected, profile.BlockingFunctions);
        Assert.Equal(Acceptance.Rejected, profile.ResponseScheduling);
        Assert.Equal(InteractionEnd.InteractionIdle, profile.InteractionEnd);
    }

    [Fact]
    public void The_early_2026_reading_of_3_1_is_chosen_by_name_and_takes_no_client_content_mid_session()
    {
        var early = ModelProfiles.Named("gemini-3.1-early-2026");

        Assert.NotNull(early);
        Assert.False(early.MidSessionClientContent);
        Assert.Equal(UserTextForm.RealtimeInputText, early.UserText);
        Assert.Equal(InitialHistoryForm.ClientContentWithHistoryConfig, early.InitialHistory);
        Assert.Empty(early.Prefixes);
        Assert.True(ModelProfiles.Gemini31.MidSessionClientContent);
        Assert.Null(ModelProfiles.Named("gemini-4"));
    }

    [Fact]
    public void A_retired_model_names_its_shutdown_and_replacement_and_an_unknown_one_is_not_known()
    {
        var retired = ModelProfiles.For("gemini-live-2.5-flash-preview");

        Assert.Equal(new DateOnly(2025, 12, 9), retired.ShutDownOn);
        Assert.Equal("gemini-3.8-live", retired.Replacement);
        Assert.False(ModelProfiles.For("gemini-9-live").Known);
    }

    [Fact]
    public void Names_and_prefixes_are_unique_and_a_value_can_be_overridden()
    {
        Assert.Equal(ModelProfiles.All.Count, ModelProfiles.All.Select(p => p.Name).Distinct().Count());
        var prefixes = ModelProfiles.All.SelectMany(p => p.Prefixes).ToList();
        Assert.Equal(prefixes.Count, prefixes.Distinct().Count());

        var overridden = ModelProfiles.Gemini38 with { MidSessionClientContent = false };
        Assert.False(overridden.MidSessionClientContent);
        Assert.True(ModelProfiles.Gemini38.MidSessionClientContent);
    }
}
