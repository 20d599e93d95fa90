namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>An option has a value LiveActors cannot work with.</summary>
    /// <param name="Option">The option's C# path, for example <c>Retry.Backoff</c>.</param>
    /// <param name="ConfigKey">The same option's HOCON key under <c>live-actors</c>, for example <c>retry.backoff</c>.</param>
    /// <param name="Reason">What is wrong and what is allowed.</param>
    public sealed record InvalidOption(string Option, string ConfigKey, string Reason) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "invalid_option";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message => $"Option {Option} (live-actors.{ConfigKey}) {Reason}";
    }
}
