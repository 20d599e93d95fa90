using LiveActors.Models;
using LiveActors.Options;
using LiveActors.Protocol;
using LiveActors.Supervision.Turns;

namespace LiveActors.Tests.Supervision.Turns;

/// <summary>
/// The session writes what its model's profile says (docs/models.md, docs/live-api.md 3.2, 5.5): mid-session
/// clientContent goes whenever the profile allows it, and a 1007 on one teaches the rules otherwise.
/// </summary>
public sealed class ModelRulesTests
{
    private static readonly IReadOnlyList<Content> Turns = [Content.FromText("My name is Ada."), Content.FromText("Hello Ada!", Roles.Model)];
    private static readonly ClientContent Seed = new() { Turns = Turns, TurnComplete = false };

    [Theory]
    [InlineData("gemini-3.8-live", "gemini-3.8")]
    [InlineData("gemini-3.1-flash-live-preview", "gemini-3.1")]
    [InlineData("gemini-2.5-flash-native-audio-preview-12-2025", "gemini-2.5-native-audio")]
    [InlineData("some-future-model", "permissive")]
    public void A_model_whose_profile_takes_client_content_all_session_gets_it_as_it_is(string model, string profile)
    {
        var rules = new ModelRules(new LiveConnectionOptions { Model = model });

        Assert.Equal(profile, rules.Profile.Name);
        Assert.Same(Seed, rules.WireForm(Seed, out var refusal));
        Assert.Null(refusal);
        Assert.IsType<ClientContent>(rules.WireForm(ClientContent.UserText("Hello"), out _));
        Assert.IsType<ClientContent>(rules.UserText("Hello"));
    }

    [Fact]
    public void On_3_8_the_initial_history_is_client_content_that_asks_for_no_reply_and_needs_no_history_config()
    {
        var rules = new ModelRules(new LiveConnectionOptions { Model = "gemini-3.8-live", InitialHistory = Turns });

        Assert.Equal(false, rules.History!.TurnComplete);
        Assert.Null(rules.WithHistoryConfig(new Setup()).HistoryConfig);
    }

    [Fact]
    public void The_early_2026_profile_sends_user_text_as_realtime_text_announces_the_history_and_refuses_other_client_content()
    {
        var rules = new ModelRules(new LiveConnectionOptions { Model = "gemini-3.1-flash-live-preview", ModelProfile = ModelProfiles.Gemini31Early2026, InitialHistory = Turns });

        Assert.Equal(RealtimeInput.FromText("Hello"), rules.WireForm(ClientContent.UserText("Hello"), out _));
        Assert.Null(rules.WireForm(Seed, out var refusal));
        Assert.Equal("gemini-3.1-early-2026", refusal!.Profile);
        Assert.Equal(true, rules.History!.TurnComplete);
        Assert.Equal(true, rules.WithHistoryConfig(new Setup()).HistoryConfig?.InitialHistoryInClientContent);
    }

    [Fact]
    public void A_1007_on_mid_session_client_content_teaches_the_rules_the_early_2026_form()
    {
        var rules = new ModelRules(new LiveConnectionOptions { Model = "gemini-3.8-live", InitialHistory = Turns });

        rules.LearnNoMidSessionClientContent();

        Assert.False(rules.TakesTurnsMidSession);
        Assert.Equal(RealtimeInput.FromText("Hello"), rules.WireForm(ClientContent.UserText("Hello"), out _));
        Assert.IsType<RealtimeInput>(rules.UserText("Hello"));
        Assert.Null(rules.WireForm(Seed, out var refusal));
        Assert.Contains("clientContent after the initial history", refusal!.Message, StringComparison.Ordinal);
        Assert.Equal(true, rules.WithHistoryConfig(new Setup()).HistoryConfig?.InitialHistoryInClientContent);
    }

    [Fact]
    public void The_profile_option_wins_over_the_family_option_and_the_family_over_the_name()
    {
        Assert.Equal("gemini-2.5-native-audio",
            new ModelRules(new LiveConnectionOptions { Model = "gemini-3.8-live", ModelFamily = ModelFamily.Gemini3, ModelProfile = ModelProfiles.Gemini25NativeAudio }).Profile.Name);
        Assert.Equal("gemini-3", new ModelRules(new LiveConnectionOptions { Model = "gemini-3.8-live", ModelFamily = ModelFamily.Gemini3 }).Profile.Name);
        Assert.Equal("gemini-3.8", new ModelRules(new LiveConnectionOptions { Model = "models/gemini-3.8-live" }).Profile.Name);
    }

    [Fact]
    public void Only_the_extended_thinking_profile_ends_an_interaction_at_idle()
    {
        Assert.True(new ModelRules(new LiveConnectionOptions { Model = "gemini-3.8-live-extended-thinking" }).IdleEndsInteraction);
        Assert.False(new ModelRules(new LiveConnectionOptions { Model = "gemini-3.8-live" }).IdleEndsInteraction);
    }
}
