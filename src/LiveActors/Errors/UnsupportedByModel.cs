namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// The model does not take this (docs/models.md, docs/live-api.md 5.5): a message refused before it reaches the wire,
    /// a setup the profile says the model refuses (checked before the first socket opens, <c>check-setup-against-profile</c>),
    /// or a message the server closed the connection on with 1007. <see cref="Instead"/> says what to send.
    /// </summary>
    /// <param name="Model">The model's name (as the options give it).</param>
    /// <param name="Profile">The name of the profile the session follows for it (docs/models.md).</param>
    /// <param name="What">What the model does not take, for example "clientContent after the initial history".</param>
    /// <param name="Instead">What to send instead.</param>
    public sealed record UnsupportedByModel(string Model, string Profile, string What, string Instead) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "unsupported_by_model";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message => $"{Model} follows the {Profile} profile, which takes no {What}: {Instead}";
    }
}
