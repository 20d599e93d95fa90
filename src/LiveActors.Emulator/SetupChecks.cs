using System.Text.Json;

namespace LiveActors.Emulator;

/// <summary>
/// The setup fields a served model refuses, closing the connection with 1007 before any input (PROTOCOL.md §5.5),
/// worded as the service words them (§6).
/// </summary>
internal static class SetupChecks
{
    public const string TextModality = "The requested combination of response modalities (TEXT) is not supported by the model";
    public const string ThinkingLevelNotSupported = "Thinking level is not supported for this model";
    public const string ThinkingLevelRequired = "Thinking level must be specified for this model";
    public const string BlockingNotSupported = "BLOCKING function calls are not supported for this model";
    public const string SchedulingNotSupported = "Function response scheduling is not supported for this model";

    private static readonly string[] Levels = ["LOW", "MEDIUM", "HIGH"];

    /// <summary>Why <paramref name="model"/> closes the connection on this setup; null when it takes it.</summary>
    public static Refusal? Refusal(EmulatedModel model, JsonElement setup)
    {
        var config = setup.TryGetField("generationConfig", out var c) && c.ValueKind == JsonValueKind.Object ? c : default;
        if (!model.TextModality && Modalities(config).Contains("TEXT"))
        {
            return new Refusal(1007, TextModality);
        }

        var thinking = config.TryGetField("thinkingConfig", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var level = thinking.GetString("thinkingLevel");
        var refusal = model.ThinkingLevel switch
        {
            ThinkingLevelRule.Refused when level is not null => new Refusal(1007, ThinkingLevelNotSupported),
            ThinkingLevelRule.Required when level is null => new Refusal(1007, ThinkingLevelRequired),
            ThinkingLevelRule.Required when !Levels.Contains(level) || thinking.TryGetField("thinkingBudget", out _) => Emulator.Refusal.InvalidArgument,
            _ => null,
        };
        if (refusal is not null)
        {
            return refusal;
        }

        if (!model.BlockingAllowed && Declarations(setup).Any(d => d.GetString("behavior") == "BLOCKING"))
        {
            return new Refusal(1007, BlockingNotSupported);
        }

        var proactivity = setup.TryGetField("proactivity", out var p) ? p : default;
        return model.ProactiveAudioAlwaysOn && proactivity.TryGetField("proactiveAudio", out var on) && on.ValueKind == JsonValueKind.False
            ? Emulator.Refusal.InvalidArgument
            : null;
    }

    /// <summary>The upper-case names in generationConfig.responseModalities; empty when it names none.</summary>
    public static IReadOnlyList<string> Modalities(JsonElement generationConfig) =>
        generationConfig.TryGetField("responseModalities", out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.String).Select(m => m.GetString()!.ToUpperInvariant())]
            : [];

    /// <summary>Every function declaration in a tools list (setup's, or contextUpdate's inner one).</summary>
    public static IEnumerable<JsonElement> Declarations(JsonElement toolsHolder)
    {
        if (!toolsHolder.TryGetField("tools", out var tools) || tools.ValueKind != JsonValueKind.Array)
        {
            yield break;
        }

        foreach (var tool in tools.EnumerateArray())
        {
            if (tool.TryGetField("functionDeclarations", out var declarations) && declarations.ValueKind == JsonValueKind.Array)
            {
                foreach (var declaration in declarations.EnumerateArray().Where(d => d.ValueKind == JsonValueKind.Object))
                {
                    yield return declaration;
                }
            }
        }
    }
}
