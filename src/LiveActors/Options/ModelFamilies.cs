using System.Globalization;
using System.Text.RegularExpressions;
using LiveActors.Models;

namespace LiveActors.Options;

/// <summary>Tells a model's <see cref="ModelFamily"/> from its name.</summary>
public static partial class ModelFamilies
{
    /// <summary>
    /// The family <paramref name="model"/> belongs to (never <see cref="ModelFamily.Auto"/>): any form of the name works,
    /// bare, <c>models/...</c> or a Vertex AI resource name. See <see cref="ModelFamily.Auto"/> for the rule.
    /// </summary>
    public static ModelFamily Of(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var name = model[(model.LastIndexOf('/') + 1)..].ToLowerInvariant();
        if (name.Contains("extended-thinking", StringComparison.Ordinal))
        {
            return ModelFamily.Gemini3ExtendedThinking;
        }

        var version = Version().Match(name);
        return version.Success && int.Parse(version.Groups["major"].ValueSpan, CultureInfo.InvariantCulture) <= 2
            ? ModelFamily.Gemini2
            : ModelFamily.Gemini3;
    }

    /// <summary>The family the options name, or, with <see cref="ModelFamily.Auto"/>, the one their model's name says.</summary>
    public static ModelFamily Of(LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.ModelFamily == ModelFamily.Auto ? Of(options.Setup?.Model is { Length: > 0 } model ? model : options.Model) : options.ModelFamily;
    }

    /// <summary><c>gemini-2.5-...</c>, <c>gemini-live-2.5-...</c>, <c>gemini-3.1-...</c>, <c>gemini-10-...</c>.</summary>
    [GeneratedRegex(@"gemini-(?:live-)?(?<major>\d+)(?:\.\d+)?(?:-|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Version();
}
