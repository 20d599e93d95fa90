using System.Text.RegularExpressions;

namespace LiveActors.Emulator;

/// <summary>The Live API paths the emulator serves, as docs/live-api.md names them, and which backend each stands for.</summary>
internal enum Backend
{
    GeminiApi,
    GeminiEphemeral,
    VertexAi,
}

internal static partial class EmulatorRoute
{
    public static Backend? Match(string path)
    {
        // js-genai connects to "//ws/..." and the service accepts it, so the emulator does too.
        var normalized = "/" + path.TrimStart('/');
        if (GeminiPath().IsMatch(normalized))
        {
            return Backend.GeminiApi;
        }

        if (normalized == "/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained")
        {
            return Backend.GeminiEphemeral;
        }

        return VertexPath().IsMatch(normalized) ? Backend.VertexAi : null;
    }

    /// <summary>The API version a path names (<c>v1beta</c>, <c>v1alpha</c>, <c>v1</c>, <c>v1beta1</c>), as the service quotes it in errors.</summary>
    public static string ApiVersion(string path) => Version().Match(path) is { Success: true } m ? m.Groups[1].Value : "v1beta";

    [GeneratedRegex(@"\.(v1(?:alpha|beta1?)?)\.")]
    private static partial Regex Version();

    [GeneratedRegex(@"^/ws/google\.ai\.generativelanguage\.(v1|v1beta|v1alpha)\.GenerativeService\.BidiGenerateContent$")]
    private static partial Regex GeminiPath();

    [GeneratedRegex(@"^/ws/google\.cloud\.aiplatform\.(v1|v1beta1)\.LlmBidiService/BidiGenerateContent$")]
    private static partial Regex VertexPath();
}
