namespace LiveActors.Options;

/// <summary>Which Google backend a session talks to, and so how it authenticates.</summary>
public enum AuthStrategy
{
    /// <summary>The Gemini Developer API (generativelanguage.googleapis.com) with an API key or an ephemeral token.</summary>
    GeminiApi,

    /// <summary>Vertex AI (aiplatform.googleapis.com) with Google Cloud credentials and a project.</summary>
    VertexAi,
}
