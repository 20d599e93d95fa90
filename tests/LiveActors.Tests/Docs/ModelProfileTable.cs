using LiveActors.Models;

namespace LiveActors.Tests.Docs;

/// <summary>Renders model profiles as the rule-by-profile table of docs/models.md.</summary>
internal static class ModelProfileTable
{
    private static readonly (string Rule, Func<ModelProfile, string> Cell)[] Rules =
    [
        ("model names starting with", p => p.Prefixes.Count == 0 ? "(by name only)" : string.Join(", ", p.Prefixes.Select(x => $"`{x}`"))),
        ("user text turn", p => p.UserText == UserTextForm.ClientContent ? "`clientContent`, `turnComplete: true`" : "`realtimeInput.text`"),
        ("mid-session `clientContent`", p => p.MidSessionClientContent ? "accepted" : "1007"),
        ("initial history", p => p.InitialHistory == InitialHistoryForm.ClientContent ? "`clientContent`" : "`clientContent` + `historyConfig`"),
        ("`responseModalities`", p => string.Join(", ", p.ResponseModalities)),
        ("`thinkingLevel`", p => Word(p.ThinkingLevel)),
        ("`thinkingBudget`", p => Word(p.ThinkingBudget)),
        ("function `behavior` default", p => p.DefaultFunctionBehavior == FunctionBehavior.NonBlocking ? "NON_BLOCKING" : "BLOCKING"),
        ("BLOCKING declarations", p => Word(p.BlockingFunctions)),
        ("NON_BLOCKING declarations", p => Word(p.NonBlockingFunctions)),
        ("`FunctionResponse.scheduling`", p => Word(p.ResponseScheduling)),
        ("BLOCKING call + new input", p => p.BlockingCallOnInput switch
        {
            BlockingCallOnInput.CancellationMessage => "`toolCallCancellation`",
            BlockingCallOnInput.SilentCancel => "cancelled silently",
            BlockingCallOnInput.HoldsTurn => "holds the turn",
            BlockingCallOnInput.NotApplicable => "n/a",
            _ => "not known",
        }),
        ("proactive audio", p => p.ProactiveAudio switch
        {
            ProactiveAudio.OptIn => "opt-in",
            ProactiveAudio.AlwaysOn => "always on",
            _ => "not known",
        }),
        ("end of an interaction", p => p.InteractionEnd == InteractionEnd.TurnComplete ? "`turnComplete`" : "`interactionStatus: IDLE`"),
        ("served", p => p.ShutDownOn is { } day ? $"shut down {day:yyyy-MM-dd}; use `{p.Replacement}`" : p.Legacy ? $"legacy; `{p.Replacement}` is the default" : p.Known ? "yes" : "unknown name: warned once"),
    ];

    public static string Markdown(IReadOnlyList<ModelProfile> profiles)
    {
        var lines = new List<string>
        {
            "| rule | " + string.Join(" | ", profiles.Select(p => $"`{p.Name}`")) + " |",
            "|---|" + string.Concat(profiles.Select(_ => "---|")),
        };
        lines.AddRange(Rules.Select(rule => $"| {rule.Rule} | " + string.Join(" | ", profiles.Select(rule.Cell)) + " |"));
        return string.Join("\n", lines);
    }

    private static string Word(Acceptance support) => support switch
    {
        Acceptance.Accepted => "accepted",
        Acceptance.Rejected => "1007 if sent",
        Acceptance.Required => "required (1007 if missing)",
        _ => "not checked",
    };
}
