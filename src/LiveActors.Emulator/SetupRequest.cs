using System.Text.Json;
using System.Text.RegularExpressions;

namespace LiveActors.Emulator;

/// <summary>What a setup message asks for: the model (and so its rules), resumption, and an initial history.</summary>
/// <param name="Model">The model's name as sent.</param>
/// <param name="Resumption">The sessionResumption member, when there is one.</param>
/// <param name="PromisesHistory">historyConfig says the initial history comes in clientContent.</param>
internal sealed partial record SetupRequest(string Model, ResumptionRequest? Resumption, bool PromisesHistory)
{
    /// <summary>The request in a setup body; null when it names no model, which the service refuses outright.</summary>
    public static SetupRequest? Read(JsonElement setup)
    {
        if (setup.GetString("model") is not { Length: > 0 } model)
        {
            return null;
        }

        ResumptionRequest? resumption = null;
        if (setup.TryGetField("sessionResumption", out var r) && r.ValueKind == JsonValueKind.Object)
        {
            var nullHandle = r.TryGetField("handle", out var handle) && handle.ValueKind == JsonValueKind.Null;
            resumption = new ResumptionRequest(r.IsTrue("transparent"), nullHandle, r.GetString("handle"));
        }

        var promises = setup.TryGetField("historyConfig", out var history) && history.ValueKind == JsonValueKind.Object
            && history.IsTrue("initialHistoryInClientContent");
        return new SetupRequest(model, resumption, promises);
    }

    /// <summary>
    /// Why the backend does not serve a model of this name (each has its own form and wording), checked before the model
    /// table: a name in the wrong form; null when the form is right.
    /// </summary>
    public string? ModelProblem(bool vertex, string apiVersion = "v1beta") => vertex
        ? VertexModel().IsMatch(Model) ? null : NotFound(vertex, apiVersion)
        : Model.StartsWith("models/", StringComparison.Ordinal) ? null : NotFound(vertex, apiVersion);

    /// <summary>The service's 1008 reason for a model it does not serve, cut to the 123 bytes a close reason may hold, as the service cuts it.</summary>
    public string NotFound(bool vertex, string apiVersion) => CloseReason.Cut(vertex
        ? $"Publisher Model `{Model}` was not found or your project does not have access to it. Please ensure you are using a valid model version."
        : $"{Model} is not found for API version {apiVersion}, or is not supported for bidiGenerateContent. Call ListModels to see the list of available models and their supported methods.");

    [GeneratedRegex("^projects/[^/]+/locations/[^/]+/publishers/google/models/[^/]+$")]
    private static partial Regex VertexModel();
}

/// <summary>What setup's sessionResumption asks for.</summary>
/// <param name="Transparent">Resumption updates carry lastConsumedClientMessageIndex (Vertex AI only).</param>
/// <param name="NullHandle">It sent <c>"handle": null</c>, which Gemini 3.x refuses.</param>
/// <param name="Handle">The handle of the conversation to resume; null for a new one.</param>
internal sealed record ResumptionRequest(bool Transparent, bool NullHandle, string? Handle);
