using System.Globalization;
using System.Text.RegularExpressions;

namespace LiveActors.Emulator;

/// <summary>Which rules of the Live API an emulated model follows, from its name (docs/live-api.md 3.2, 4.2 and 5.5).</summary>
public enum EmulatedFamily
{
    /// <summary>Gemini 2.x, and any name with no Gemini version: clientContent at any time, turnComplete ends a reply.</summary>
    Gemini2,

    /// <summary>
    /// Gemini 3 and later: 1007 on clientContent after the initial history (or with no historyConfig), on
    /// <c>realtimeInput.mediaChunks</c> and on <c>"handle": null</c>; realtime input before a promised history is 1007 too;
    /// a reply starts with an empty serverContent carrying only usageMetadata.
    /// </summary>
    Gemini3,

    /// <summary>
    /// Extended thinking (<c>extended-thinking</c> in the name): the Gemini 3 rules, and each reply reports
    /// interactionStatus: a text reply speaks twice (two turnCompletes, IN_PROGRESS between them), and only IDLE ends it.
    /// </summary>
    ExtendedThinking,
}

/// <summary>Reads a model's rules from its name.</summary>
internal static partial class EmulatedFamilies
{
    public static EmulatedFamily Name(string model)
    {
        var name = model[(model.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name.Contains("extended-thinking", StringComparison.Ordinal))
        {
            return EmulatedFamily.ExtendedThinking;
        }

        var version = Version().Match(name);
        return version.Success && int.Parse(version.Groups["major"].ValueSpan, CultureInfo.InvariantCulture) >= 3
            ? EmulatedFamily.Gemini3
            : EmulatedFamily.Gemini2;
    }

    [GeneratedRegex(@"gemini-(?:live-)?(?<major>\d+)(?:\.\d+)?(?:-|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
