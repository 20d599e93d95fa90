namespace LiveActors.Models;

/// <summary>
/// The profiles the older <c>model-family</c> option names: exactly the rules each family meant before profiles, and
/// nothing else checked. A profile chosen by <c>model-profile</c> or by the model's name is the better choice.
/// </summary>
public static class FamilyProfiles
{
    /// <summary><c>gemini-2</c>: clientContent at any time, and turnComplete ends a reply.</summary>
    public static ModelProfile Gemini2 { get; } = ModelProfiles.Permissive with
    {
        Name = "gemini-2",
        Known = true,
        Source = "model-family = gemini-2",
    };

    /// <summary>
    /// <c>gemini-3</c>: the early-2026 3.1 rules: clientContent only as initial history (announced by historyConfig),
    /// user text as <c>realtimeInput.text</c>.
    /// </summary>
    public static ModelProfile Gemini3 { get; } = Gemini2 with
    {
        Name = "gemini-3",
        UserText = UserTextForm.RealtimeInputText,
        MidSessionClientContent = false,
        InitialHistory = InitialHistoryForm.ClientContentWithHistoryConfig,
        Source = "model-family = gemini-3",
    };

    /// <summary><c>gemini-3-extended-thinking</c>: <see cref="Gemini3"/>, and only <c>interactionStatus: IDLE</c> ends an interaction.</summary>
    public static ModelProfile Gemini3ExtendedThinking { get; } = Gemini3 with
    {
        Name = "gemini-3-extended-thinking",
        InteractionEnd = InteractionEnd.InteractionIdle,
        Source = "model-family = gemini-3-extended-thinking",
    };

    /// <summary>
    /// The profile a session follows: <paramref name="chosen"/> when the application named one, else the one
    /// <paramref name="family"/> names, else the one <paramref name="model"/>'s name picks (<see cref="ModelProfiles.For"/>).
    /// </summary>
    public static ModelProfile Resolve(string model, ModelProfile? chosen, ModelFamily family) => chosen ?? family switch
    {
        ModelFamily.Gemini2 => Gemini2,
        ModelFamily.Gemini3 => Gemini3,
        ModelFamily.Gemini3ExtendedThinking => Gemini3ExtendedThinking,
        _ => ModelProfiles.For(model),
    };
}
