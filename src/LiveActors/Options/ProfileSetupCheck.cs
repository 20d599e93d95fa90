using LiveActors.Models;
using LiveActors.Protocol;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Options;

/// <summary>
/// What the service would refuse at setup, closing with 1007 before any input (docs/live-api.md 5.5), found from the
/// session's profile before the first socket opens: a shut-down model, a response modality, a thinking setting, a
/// BLOCKING declaration or <c>proactiveAudio: false</c> the model does not take. Rules the profile does not know
/// (<see cref="Acceptance.Unknown"/>) are never checked; <c>check-setup-against-profile = off</c> skips all of them.
/// </summary>
internal static class ProfileSetupCheck
{
    public static IEnumerable<UnsupportedByModel> Refusals(string model, ModelProfile profile, Setup? setup)
    {
        UnsupportedByModel Refuse(string what, string instead) => new(model, profile.Name, what, instead);

        if (profile.ShutDownOn is { } shutDown)
        {
            yield return Refuse($"sessions: the model was shut down on {shutDown:yyyy-MM-dd}", $"use {profile.Replacement ?? ModelProfiles.DefaultModel}.");
            yield break;
        }

        foreach (var modality in setup?.GenerationConfig?.ResponseModalities ?? [])
        {
            if (!profile.Accepts(modality))
            {
                yield return Refuse($"{modality} response modality (it answers in {string.Join(", ", profile.ResponseModalities)})",
                    "ask for AUDIO and read the reply as text from output transcription (Setup.OutputAudioTranscription).");
            }
        }

        var thinking = setup?.GenerationConfig?.ThinkingConfig;
        if (thinking?.ThinkingLevel is not null && profile.ThinkingLevel == Acceptance.Rejected)
        {
            yield return Refuse("thinkingConfig.thinkingLevel", "leave it out, or set thinkingBudget instead.");
        }

        if (thinking?.ThinkingLevel is null && profile.ThinkingLevel == Acceptance.Required)
        {
            yield return Refuse("setup without thinkingConfig.thinkingLevel", "set GenerationConfig.ThinkingConfig.ThinkingLevel to LOW, MEDIUM or HIGH.");
        }

        if (thinking?.ThinkingBudget is not null && profile.ThinkingBudget == Acceptance.Rejected)
        {
            yield return Refuse("thinkingConfig.thinkingBudget", "set thinkingLevel instead.");
        }

        var blocking = (setup?.Tools ?? []).SelectMany(tool => tool.FunctionDeclarations ?? [])
            .FirstOrDefault(declaration => string.Equals(declaration.Behavior, "BLOCKING", StringComparison.OrdinalIgnoreCase));
        if (blocking is not null && profile.BlockingFunctions == Acceptance.Rejected)
        {
            yield return Refuse($"BLOCKING function declarations ({blocking.Name})", "declare it NON_BLOCKING, or leave behavior out.");
        }

        if (setup?.Proactivity?.ProactiveAudio == false && profile.ProactiveAudio == ProactiveAudio.AlwaysOn)
        {
            yield return Refuse("proactivity.proactiveAudio: false (proactive audio is always on)", "leave proactivity out.");
        }
    }
}
