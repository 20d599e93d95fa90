namespace LiveActors.Emulator.Tests.Support;

/// <summary>The models PROTOCOL.md §1.5 says the service serves today, as setup names them, and how a test reaches each.</summary>
internal static class Served
{
    public const string Gemini38 = "models/gemini-3.8-live";
    public const string ExtendedThinking = "models/gemini-3.8-live-extended-thinking";
    public const string Gemini31 = "models/gemini-3.1-flash-live-preview";
    public const string NativeAudio25 = "models/gemini-2.5-flash-native-audio-preview-12-2025";
    public const string VertexNativeAudio25 = "projects/demo/locations/us-central1/publishers/google/models/gemini-live-2.5-flash-native-audio";
    public const string VertexGemini38 = "projects/demo/locations/us-central1/publishers/google/models/gemini-3.8-live";

    /// <summary>What extended thinking needs in setup (thinkingLevel is required there), and nothing for the others.</summary>
    public static string Required(string model) =>
        model == ExtendedThinking ? "\"generationConfig\":{\"thinkingConfig\":{\"thinkingLevel\":\"LOW\"}}" : "\"generationConfig\":{}";

    /// <summary>A client on the backend that serves <paramref name="model"/>: Vertex AI for a resource name, else the Gemini API.</summary>
    public static Task<WireClient> ConnectAsync(LiveEmulator emulator, string model) =>
        model.StartsWith("projects/", StringComparison.Ordinal)
            ? WireClient.ConnectAsync(emulator, Paths.VertexV1, query: null, configure: o => o.SetRequestHeader("Authorization", "Bearer test-token"))
            : WireClient.ConnectAsync(emulator);

    /// <summary>Connects and sends setup for <paramref name="model"/> with what it requires plus <paramref name="members"/>; returns the client and the answer.</summary>
    public static async Task<(WireClient Client, Received Answer)> SetupAsync(LiveEmulator emulator, string model, string members = "")
    {
        var client = await ConnectAsync(emulator, model);
        var all = members.Length == 0 ? Required(model) : MergeGenerationConfig(model, members);
        return (client, await client.SetupWithAsync(model, all));
    }

    /// <summary>Members that bring their own generationConfig keep it (and extended thinking's level is added to it).</summary>
    private static string MergeGenerationConfig(string model, string members)
    {
        const string Config = "\"generationConfig\":{";
        if (!members.Contains(Config, StringComparison.Ordinal))
        {
            return Required(model) + "," + members;
        }

        return model == ExtendedThinking && !members.Contains("thinkingConfig", StringComparison.Ordinal)
            ? members.Replace(Config, Config + "\"thinkingConfig\":{\"thinkingLevel\":\"LOW\"},", StringComparison.Ordinal)
            : members;
    }
}
