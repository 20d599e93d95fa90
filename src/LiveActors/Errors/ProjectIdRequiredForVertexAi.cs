namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>Vertex AI was chosen but no Google Cloud project id was given or found.</summary>
    public sealed record ProjectIdRequiredForVertexAi : ConnectionError
    {
        /// <summary>The single instance.</summary>
        public static readonly ProjectIdRequiredForVertexAi Instance = new();

        private ProjectIdRequiredForVertexAi()
        {
        }

        /// <inheritdoc />
        public override string Code => "project_id_required_for_vertex_ai";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message =>
            "Vertex AI needs a project id: set ProjectId (live-actors.project-id) or VERTEX_PROJECT_ID / GOOGLE_CLOUD_PROJECT.";
    }
}
