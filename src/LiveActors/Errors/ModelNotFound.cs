namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// The service does not serve the model on this endpoint: it closed the connection at setup with 1008 "... is not
    /// found for API version ..." (a model the service shut down, such as the retired <c>gemini-live-2.5-flash-preview</c>, a misspelt name, or a
    /// model this API version or project cannot use; docs/live-api.md 1.5, 6). Never retried.
    /// </summary>
    /// <param name="Model">The model the setup named.</param>
    /// <param name="Reason">The server's close reason (often cut at 123 bytes); secrets in it are masked.</param>
    public sealed record ModelNotFound(string Model, string Reason) : ConnectionError
    {
        private readonly string _reason = TextRedaction.Redact(Reason) ?? "";

        /// <summary>The close reason with any secret-shaped token masked.</summary>
        public string Reason
        {
            get => _reason;
            init => _reason = TextRedaction.Redact(value) ?? "";
        }

        /// <inheritdoc />
        public override string Code => "model_not_found";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message =>
            $"The service does not serve the model {Model} here (1008: {Reason}). Check its name, the API version and the endpoint; Google's default Live model is gemini-3.8-live.";

        /// <summary>
        /// Whether a close says the model is not found: 1008 naming a model that "is not found" or "was not found", and
        /// not the "session not found" of a stale resumption handle.
        /// </summary>
        public static bool Describes(int closeCode, string? reason) =>
            closeCode == 1008 && reason is not null
            && (reason.Contains("is not found", StringComparison.OrdinalIgnoreCase) || reason.Contains("was not found", StringComparison.OrdinalIgnoreCase))
            && !reason.Contains("session not found", StringComparison.OrdinalIgnoreCase);
    }
}
