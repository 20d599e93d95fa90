namespace LiveActors.Auth;

/// <summary>
/// The environment variables LiveActors reads when an option is left empty; an option set in code, HOCON or
/// IConfiguration always wins. Empty or blank variables count as unset.
/// </summary>
public static class LiveEnvironmentVariables
{
    /// <summary>The Gemini API key, read when <c>ApiKey</c> is empty; the first choice.</summary>
    public const string GeminiApiKey = "GEMINI_API_KEY";

    /// <summary>The Gemini API key, read when <c>ApiKey</c> and <see cref="GeminiApiKey"/> are empty.</summary>
    public const string GoogleApiKey = "GOOGLE_API_KEY";

    /// <summary>A raw OAuth 2 access token for Vertex AI; used as it is and never refreshed.</summary>
    public const string VertexAccessToken = "VERTEX_ACCESS_TOKEN";

    /// <summary>The Vertex AI project, read when <c>ProjectId</c> is empty; the first choice.</summary>
    public const string VertexProjectId = "VERTEX_PROJECT_ID";

    /// <summary>The Vertex AI project, read when <c>ProjectId</c> and <see cref="VertexProjectId"/> are empty.</summary>
    public const string GoogleCloudProject = "GOOGLE_CLOUD_PROJECT";

    /// <summary>The Vertex AI location, read when <c>Location</c> is empty; the first choice.</summary>
    public const string VertexLocation = "VERTEX_LOCATION";

    /// <summary>The Vertex AI location, read when <c>Location</c> and <see cref="VertexLocation"/> are empty.</summary>
    public const string GoogleCloudLocation = "GOOGLE_CLOUD_LOCATION";

    /// <summary>Application Default Credentials: the path of a credential file (Google's own variable).</summary>
    public const string GoogleApplicationCredentials = "GOOGLE_APPLICATION_CREDENTIALS";
}
