namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>Reconnecting was tried as often as the retry options allow and failed every time.</summary>
    /// <param name="Attempts">How many connection attempts were made in a row.</param>
    /// <param name="LastError">The error of the last attempt.</param>
    public sealed record MaxRetriesExceeded(int Attempts, ConnectionError LastError) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "max_retries_exceeded";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message => $"Gave up after {Attempts} attempts; the last error was {LastError}";
    }
}
