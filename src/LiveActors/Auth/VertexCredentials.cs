using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using LiveActors.Errors;
using LiveActors.Options;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Auth;

/// <summary>
/// Google credentials for Vertex AI, scoped to <see cref="CloudPlatformScope"/>, from the usual sources: a service-account
/// key or gcloud user credential (file, stream or JSON), a raw access token, or Application Default Credentials.
/// Pass one as <see cref="LiveConnectionOptions.Credential"/>; tokens are fetched, and refreshed before they expire, on
/// every connect attempt.
/// </summary>
/// <remarks>
/// A credential file is code that runs with your permissions: only load files you trust (Google's advice for
/// externally sourced credential configurations applies).
/// </remarks>
public static class VertexCredentials
{
    /// <summary>The OAuth scope Vertex AI's Live API needs.</summary>
    public const string CloudPlatformScope = "https://www.googleapis.com/auth/cloud-platform";

    /// <summary>Loads a service-account key or gcloud user credential from a JSON file.</summary>
    /// <exception cref="LiveConnectionException">The file cannot be read or is not a credential (InvalidOption).</exception>
    public static GoogleCredential FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return Load(path, "Credential", OptionKeys.CredentialsFile).Credential;
    }

    /// <summary>Loads a service-account key or gcloud user credential from a stream of JSON.</summary>
    /// <exception cref="LiveConnectionException">The stream does not hold a credential (InvalidOption).</exception>
    public static GoogleCredential FromStream(Stream json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var reader = new StreamReader(json, leaveOpen: true);
        return FromJson(reader.ReadToEnd());
    }

    /// <summary>Reads a service-account key or gcloud user credential from its JSON text.</summary>
    /// <exception cref="LiveConnectionException">The text is not a credential (InvalidOption).</exception>
    public static GoogleCredential FromJson(string json)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json);
        return Parse(json, "Credential", OptionKeys.CredentialsFile, "the given JSON").Credential;
    }

    /// <summary>A credential that always presents <paramref name="accessToken"/>; it cannot refresh, so it ends when the token does.</summary>
    public static GoogleCredential FromAccessToken(string accessToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(accessToken);
        return GoogleCredential.FromAccessToken(accessToken);
    }

    /// <summary>
    /// Application Default Credentials as Google's libraries find them (<c>GOOGLE_APPLICATION_CREDENTIALS</c>, the gcloud
    /// ADC file, then the metadata server on Google Cloud), scoped for Vertex AI.
    /// </summary>
    /// <exception cref="LiveConnectionException">None were found (AuthenticationFailed).</exception>
    public static async Task<GoogleCredential> FromApplicationDefaultAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            return Scoped(await GoogleCredential.GetApplicationDefaultAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (InvalidOperationException e)
        {
            throw new LiveConnectionException(new AuthenticationFailed(
                "no Application Default Credentials were found: set GOOGLE_APPLICATION_CREDENTIALS or credentials-file, " +
                "run 'gcloud auth application-default login', or set VERTEX_ACCESS_TOKEN.", Transient: false) { Cause = e });
        }
    }

    /// <summary>The credential scoped to <see cref="CloudPlatformScope"/> when it takes scopes; as it is otherwise.</summary>
    internal static GoogleCredential Scoped(GoogleCredential credential) =>
        credential.IsCreateScopedRequired ? credential.CreateScoped(CloudPlatformScope) : credential;

    /// <summary>The project a credential belongs to, when it says: a service account's, else its quota project.</summary>
    internal static string? ProjectOf(GoogleCredential credential) =>
        (credential.UnderlyingCredential as ServiceAccountCredential)?.ProjectId ?? credential.QuotaProject;

    /// <summary>Loads the credential file at <paramref name="path"/>; problems are InvalidOption errors naming <paramref name="option"/>.</summary>
    internal static LoadedCredential Load(string path, string option, string configKey, string? variable = null)
    {
        var via = variable is null ? "" : $"(from {variable}) ";
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            throw Invalid(option, configKey, $"{via}names a file that cannot be read ({path}): {e.Message}");
        }

        return Parse(json, option, configKey, path);
    }

    private static LoadedCredential Parse(string json, string option, string configKey, string origin)
    {
        string? project;
        try
        {
            using var document = JsonDocument.Parse(json);
            project = Text(document.RootElement, "project_id") ?? Text(document.RootElement, "quota_project_id");
        }
        catch (JsonException)
        {
            throw Invalid(option, configKey, $"must be a JSON credential ({origin} is not JSON).");
        }

        try
        {
            var credential = Scoped(ToGoogleCredential(CredentialFactory.FromJson<ICredential>(json)));
            return new LoadedCredential(credential, project ?? ProjectOf(credential));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException or NotSupportedException)
        {
            throw Invalid(option, configKey, $"must be a service-account key or gcloud user credential ({origin}: {e.Message})");
        }
    }

    private static GoogleCredential ToGoogleCredential(ICredential credential) => credential switch
    {
        ServiceAccountCredential c => c.ToGoogleCredential(),
        UserCredential c => c.ToGoogleCredential(),
        ImpersonatedCredential c => c.ToGoogleCredential(),
        ExternalAccountAuthorizedUserCredential c => c.ToGoogleCredential(),
        AwsExternalAccountCredential c => c.ToGoogleCredential(),
        FileSourcedExternalAccountCredential c => c.ToGoogleCredential(),
        UrlSourcedExternalAccountCredential c => c.ToGoogleCredential(),
        _ => throw new NotSupportedException($"credentials of kind {credential.GetType().Name} are not supported"),
    };

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private static LiveConnectionException Invalid(string option, string configKey, string reason) =>
        new(new InvalidOption(option, configKey, reason));
}
