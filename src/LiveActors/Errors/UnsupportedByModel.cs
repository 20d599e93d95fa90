using LiveActors.Models;

namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// The message is of a form the session's model does not take, and would close the connection (with 1007 on
    /// Gemini 3.x, docs/live-api.md 5.5): it is refused before it reaches the wire. <see cref="Instead"/> says what to send.
    /// Nothing was sent; the session goes on.
    /// </summary>
    /// <param name="Model">The model's name (as the options give it).</param>
    /// <param name="Family">The rules the session follows for it (the <c>model-family</c> option, or its name).</param>
    /// <param name="What">What the model does not take, for example "clientContent after the initial history".</param>
    /// <param name="Instead">What to send instead.</param>
    public sealed record UnsupportedByModel(string Model, ModelFamily Family, string What, string Instead) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "unsupported_by_model";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message => $"{Model} follows the {Family} rules, which take no {What}: {Instead}";
    }
}
