namespace LiveActors.Benchmarks.SideBySide.Contenders;

/// <summary>Where and as whom every contender connects: the emulator's Gemini API path, its key, one model.</summary>
internal static class Endpoint
{
    public const string ApiKey = "test-key";
    public const string Model = "gemini-live-2.5-flash-preview";
    public const string ApiKeyHeader = "x-goog-api-key";

    public static Uri Session(Uri emulator) =>
        new(emulator, "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent");
}
