using Google.Apis.Auth.OAuth2;
using LiveActors.Endpoints;
using LiveActors.Errors;
using LiveActors.Options;
using static LiveActors.Auth.LiveEnvironmentVariables;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Auth;

/// <summary>
/// Fills in what the options leave empty from the environment, in the documented order, and picks the credential:
/// <list type="bullet">
/// <item>Gemini API key: <c>TokenProvider</c> (a new ephemeral token for every connection), <c>ApiKey</c>, <c>GEMINI_API_KEY</c>, <c>GOOGLE_API_KEY</c>; else <see cref="NoApiKey"/>.</item>
/// <item>Vertex AI credential: <c>Credential</c>, <c>CredentialsFile</c>, <c>VERTEX_ACCESS_TOKEN</c>,
/// <c>GOOGLE_APPLICATION_CREDENTIALS</c>, the gcloud ADC file, then Google's Application Default Credentials lookup
/// (the metadata server) on the first connect.</item>
/// <item>Vertex AI project: <c>ProjectId</c>, <c>VERTEX_PROJECT_ID</c>, <c>GOOGLE_CLOUD_PROJECT</c>, the credential's own;
/// else <see cref="ProjectIdRequiredForVertexAi"/>.</item>
/// <item>Vertex AI location: <c>Location</c>, <c>VERTEX_LOCATION</c>, <c>GOOGLE_CLOUD_LOCATION</c>, <c>us-central1</c>.</item>
/// </list>
/// </summary>
internal static class CredentialResolver
{
    public static ResolvedCredentials Resolve(LiveConnectionOptions options, LiveEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options.AuthStrategy == AuthStrategy.VertexAi ? ForVertexAi(options, environment) : ForGeminiApi(options, environment);
    }

    private static ResolvedCredentials ForGeminiApi(LiveConnectionOptions options, LiveEnvironment environment)
    {
        if (options.TokenProvider is { } provider)
        {
            return new ResolvedCredentials(options, new ProvidedTokenHeaders(provider), "ephemeral tokens from the TokenProvider option");
        }

        var (source, key) = !string.IsNullOrWhiteSpace(options.ApiKey)
            ? ("the api-key option", options.ApiKey.Trim())
            : environment.First(GeminiApiKey, GoogleApiKey) ?? throw new LiveConnectionException(NoApiKey.Instance);
        var kind = LiveEndpoints.IsEphemeralToken(key) ? "an ephemeral token" : "the API key";
        // A few combinations in all: one string each, not one per session.
        return new ResolvedCredentials(options with { ApiKey = key }, AuthHeaders.ForGeminiApi(key), string.Intern($"{kind} from {source}"));
    }

    private static ResolvedCredentials ForVertexAi(LiveConnectionOptions options, LiveEnvironment environment)
    {
        var (credential, credentialProject, source) = FindCredential(options, environment);
        var project = options.ProjectId
            ?? Checked(environment.First(VertexProjectId, GoogleCloudProject), OptionKeys.ProjectId, LiveOptionsValidator.IsProjectId,
                _ => LiveOptionsValidator.ProjectIdRule)
            ?? credentialProject
            ?? throw new LiveConnectionException(ProjectIdRequiredForVertexAi.Instance);
        var location = options.Location
            ?? Checked(environment.First(VertexLocation, GoogleCloudLocation), OptionKeys.Location, LiveOptionsValidator.IsLocation,
                LiveOptionsValidator.LocationRule)
            ?? LiveEndpoints.DefaultVertexLocation;
        return new ResolvedCredentials(options with { ProjectId = project, Location = location }, new BearerHeaders(credential), source);
    }

    private static (Func<CancellationToken, Task<GoogleCredential>> Credential, string? ProjectId, string Source) FindCredential(
        LiveConnectionOptions options, LiveEnvironment environment)
    {
        if (options.Credential is { } given)
        {
            var scoped = VertexCredentials.Scoped(given);
            return (_ => Task.FromResult(scoped), VertexCredentials.ProjectOf(given), "the Credential option");
        }

        if (options.CredentialsFile is { } file)
        {
            return Loaded(VertexCredentials.Load(file, "CredentialsFile", OptionKeys.CredentialsFile), $"the credentials-file {file}");
        }

        if (environment[VertexAccessToken] is { } token)
        {
            var fixedToken = VertexCredentials.FromAccessToken(token);
            return (_ => Task.FromResult(fixedToken), null, $"the access token in {VertexAccessToken}");
        }

        if (environment[GoogleApplicationCredentials] is { } adcFile)
        {
            var loaded = VertexCredentials.Load(adcFile, "CredentialsFile", OptionKeys.CredentialsFile, GoogleApplicationCredentials);
            return Loaded(loaded, $"the credential file in {GoogleApplicationCredentials} ({adcFile})");
        }

        if (environment.GcloudApplicationDefaultFile() is { } gcloudFile && File.Exists(gcloudFile))
        {
            return Loaded(VertexCredentials.Load(gcloudFile, "CredentialsFile", OptionKeys.CredentialsFile), $"the gcloud ADC file {gcloudFile}");
        }

        return (VertexCredentials.FromApplicationDefaultAsync, null, "Application Default Credentials (metadata server)");
    }

    private static (Func<CancellationToken, Task<GoogleCredential>>, string?, string) Loaded(LoadedCredential loaded, string source) =>
        (_ => Task.FromResult(loaded.Credential), loaded.ProjectId, source);

    private static string? Checked((string Name, string Value)? variable, string key, Func<string, bool> isValid, Func<string, string> rule) =>
        variable switch
        {
            null => null,
            var (name, value) when isValid(value) => value,
            var (name, value) => throw new LiveConnectionException(OptionKey.Invalid(key, $"(from {name}) {rule(value)}")),
        };
}
