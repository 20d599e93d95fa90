namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>The Gemini API was chosen but no API key (or ephemeral token) was given or found.</summary>
    public sealed record NoApiKey : ConnectionError
    {
        /// <summary>The single instance.</summary>
        public static readonly NoApiKey Instance = new();

        private NoApiKey()
        {
        }

        /// <inheritdoc />
        public override string Code => "no_api_key";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message =>
            "The Gemini API needs a key: set ApiKey (live-actors.api-key) or GEMINI_API_KEY / GOOGLE_API_KEY.";
    }
}
