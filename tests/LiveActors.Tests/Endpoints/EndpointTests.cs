using LiveActors.Endpoints;
using LiveActors.Options;

namespace LiveActors.Tests.Endpoints;

public sealed class EndpointTests
{
    [Theory]
    [InlineData("v1beta", "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent")]
    [InlineData("v1alpha", "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContent")]
    [InlineData("v1", "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1.GenerativeService.BidiGenerateContent")]
    public void Gemini_API_endpoints_are_exact(string version, string expected) =>
        Assert.Equal(expected, LiveEndpoints.GeminiApi(version).AbsoluteUri);

    [Fact]
    public void Ephemeral_token_endpoint_is_the_constrained_v1alpha_method() =>
        Assert.Equal(
            "wss://generativelanguage.googleapis.com/ws/google.ai.generativelanguage.v1alpha.GenerativeService.BidiGenerateContentConstrained",
            LiveEndpoints.GeminiApiEphemeral().AbsoluteUri);

    [Fact]
    public void Auth_token_REST_endpoint_is_https() =>
        Assert.Equal("https://generativelanguage.googleapis.com/v1alpha/auth_tokens", LiveEndpoints.AuthTokens().AbsoluteUri);

    [Theory]
    [InlineData("us-central1", "v1beta1", "wss://us-central1-aiplatform.googleapis.com/ws/google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent")]
    [InlineData("europe-west4", "v1", "wss://europe-west4-aiplatform.googleapis.com/ws/google.cloud.aiplatform.v1.LlmBidiService/BidiGenerateContent")]
    [InlineData("global", "v1", "wss://aiplatform.googleapis.com/ws/google.cloud.aiplatform.v1.LlmBidiService/BidiGenerateContent")]
    [InlineData("us", "v1beta1", "wss://aiplatform.us.rep.googleapis.com/ws/google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent")]
    [InlineData("eu", "v1", "wss://aiplatform.eu.rep.googleapis.com/ws/google.cloud.aiplatform.v1.LlmBidiService/BidiGenerateContent")]
    public void Vertex_AI_endpoints_follow_location_and_version(string location, string version, string expected) =>
        Assert.Equal(expected, LiveEndpoints.VertexAi(location, version).AbsoluteUri);

    [Theory]
    [InlineData("ws://127.0.0.1:5000", "ws://127.0.0.1:5000/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent")]
    [InlineData("http://127.0.0.1:5000/", "ws://127.0.0.1:5000/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent")]
    [InlineData("https://proxy.internal/live/", "wss://proxy.internal/live/ws/google.ai.generativelanguage.v1beta.GenerativeService.BidiGenerateContent")]
    public void A_base_address_replaces_the_host_and_keeps_its_path(string baseAddress, string expected) =>
        Assert.Equal(expected, LiveEndpoints.GeminiApi("v1beta", new Uri(baseAddress)).AbsoluteUri);

    [Fact]
    public void Options_select_the_endpoint()
    {
        var gemini = new LiveConnectionOptions { Model = "m", ApiKey = "key" };
        Assert.EndsWith("v1beta.GenerativeService.BidiGenerateContent", LiveEndpoints.For(gemini).AbsoluteUri, StringComparison.Ordinal);

        var ephemeral = gemini with { ApiKey = "auth_tokens/abc" };
        Assert.EndsWith("BidiGenerateContentConstrained", LiveEndpoints.For(ephemeral).AbsoluteUri, StringComparison.Ordinal);

        var vertex = gemini with { AuthStrategy = AuthStrategy.VertexAi, ProjectId = "p", Location = "asia-northeast1" };
        Assert.Equal(
            "wss://asia-northeast1-aiplatform.googleapis.com/ws/google.cloud.aiplatform.v1beta1.LlmBidiService/BidiGenerateContent",
            LiveEndpoints.For(vertex).AbsoluteUri);

        var emulator = gemini with { BaseAddress = new Uri("ws://127.0.0.1:1234") };
        Assert.Equal("127.0.0.1", LiveEndpoints.For(emulator).Host);
    }

    [Fact]
    public void No_endpoint_carries_a_credential()
    {
        var options = new LiveConnectionOptions { Model = "m", ApiKey = "auth_tokens/secret-token" };
        Assert.Equal("", LiveEndpoints.For(options).Query);
        Assert.DoesNotContain("secret", LiveEndpoints.For(options).AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gemini-2.5-flash", "models/gemini-2.5-flash")]
    [InlineData("models/gemini-2.5-flash", "models/gemini-2.5-flash")]
    [InlineData("tunedModels/my-model", "tunedModels/my-model")]
    public void Gemini_model_names_get_the_models_prefix(string model, string expected) =>
        Assert.Equal(expected, ModelNames.ForGeminiApi(model));

    [Theory]
    [InlineData("gemini-live-2.5-flash", "projects/p/locations/us-central1/publishers/google/models/gemini-live-2.5-flash")]
    [InlineData("models/gemini-live-2.5-flash", "projects/p/locations/us-central1/publishers/google/models/gemini-live-2.5-flash")]
    [InlineData("publishers/google/models/gemini-live-2.5-flash", "projects/p/locations/us-central1/publishers/google/models/gemini-live-2.5-flash")]
    [InlineData("acme/model-x", "projects/p/locations/us-central1/publishers/acme/models/model-x")]
    [InlineData("projects/q/locations/eu/publishers/google/models/m", "projects/q/locations/eu/publishers/google/models/m")]
    public void Vertex_model_names_become_full_resource_names(string model, string expected) =>
        Assert.Equal(expected, ModelNames.ForVertexAi(model, "p", "us-central1"));
}
