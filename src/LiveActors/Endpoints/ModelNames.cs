using LiveActors.Options;
using LiveActors.Errors;

namespace LiveActors.Endpoints;

/// <summary>Expands a model name to the form each backend's <c>setup.model</c> needs.</summary>
public static class ModelNames
{
    private const string GooglePublisher = "publishers/google/models/";

    /// <summary>
    /// Gemini API: a bare name gets <c>models/</c> (<c>gemini-2.5-flash</c> -> <c>models/gemini-2.5-flash</c>); a name
    /// that already has a collection (<c>models/...</c>, <c>tunedModels/...</c>) is kept.
    /// </summary>
    public static string ForGeminiApi(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        model = model.Trim();
        return model.Contains('/', StringComparison.Ordinal) ? model : "models/" + model;
    }

    /// <summary>
    /// Vertex AI: the full resource name <c>projects/{project}/locations/{location}/publishers/google/models/{model}</c>.
    /// A bare name, <c>models/NAME</c>, <c>PUBLISHER/NAME</c> and <c>publishers/P/models/NAME</c> are expanded; a name
    /// that starts with <c>projects/</c> is kept.
    /// </summary>
    public static string ForVertexAi(string model, string projectId, string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        model = model.Trim();
        if (model.StartsWith("projects/", StringComparison.Ordinal))
        {
            return model;
        }

        var publisherPath = model switch
        {
            _ when model.StartsWith("publishers/", StringComparison.Ordinal) => model,
            _ when model.StartsWith("models/", StringComparison.Ordinal) => GooglePublisher + model["models/".Length..],
            _ when model.Split('/') is [var publisher, var name] => $"publishers/{publisher}/models/{name}",
            _ => GooglePublisher + model,
        };
        return $"projects/{projectId}/locations/{location}/{publisherPath}";
    }

    /// <summary>The model name the options' backend needs.</summary>
    public static string For(LiveConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.AuthStrategy == AuthStrategy.VertexAi
            ? ForVertexAi(options.Model, options.ProjectId ?? throw new Errors.LiveConnectionException(ConnectionError.ProjectIdRequiredForVertexAi.Instance), options.Location ?? LiveEndpoints.DefaultVertexLocation)
            : ForGeminiApi(options.Model);
    }
}
