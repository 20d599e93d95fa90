namespace LiveActors.Emulator.Tests.Support;

/// <summary>The Live API paths of docs/live-api.md, written out in full so a typo in the emulator's routes shows.</summary>
internal static class Paths
{
    public const string GeminiV1Beta = "/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent";
    public const string GeminiV1Alpha = "/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContent";
    public const string GeminiEphemeral = "/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained";
    public const string VertexV1 = "/ws/google.cloud.aiplatform.v1.LlmBidiService/BidiGenerateContent";
    public const string VertexV1Beta1 = "/ws/google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent";

    /// <summary>A name the service does not serve: tests that use it start the emulator with the legacy rules (<see cref="TestEmulator"/>).</summary>
    public const string GeminiModel = "models/gemini-2.5-flash";

    /// <summary>Google's default Live model, served with its own rules by the strict emulator.</summary>
    public const string ServedModel = "models/gemini-3.8-live";
    public const string VertexModel = "projects/demo/locations/us-central1/publishers/google/models/gemini-live-2.5-flash";
}
