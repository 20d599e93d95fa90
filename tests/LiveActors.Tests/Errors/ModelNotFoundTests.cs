using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Tests.Errors;

/// <summary>A 1008 that says the model is not found is its own typed, non-retried error naming the model (docs/live-api.md 6).</summary>
public sealed class ModelNotFoundTests
{
    [Theory]
    [InlineData(1008, "models/gemini-live-2.5-flash-preview is not found for API version v1beta, or is not supported for bidiGenerateContent. Call ListMod", true)]
    [InlineData(1008, "Publisher Model `projects/p/locations/us-central1/publishers/google/models/x` was not found or your project does not", true)]
    [InlineData(1008, "BidiGenerateContent session not found", false)]
    [InlineData(1011, "models/x is not found", false)]
    [InlineData(1008, "", false)]
    public void Only_a_1008_naming_a_model_that_is_not_found_is_one(int code, string reason, bool describes) =>
        Assert.Equal(describes, ModelNotFound.Describes(code, reason));

    [Fact]
    public void It_names_the_model_and_is_never_retried()
    {
        var error = new ModelNotFound("models/gemini-live-2.5-flash-preview", "models/gemini-live-2.5-flash-preview is not found for API version v1beta");

        Assert.False(error.IsRetryable);
        Assert.Equal("model_not_found", error.Code);
        Assert.Contains("models/gemini-live-2.5-flash-preview", error.Message, StringComparison.Ordinal);
    }
}
