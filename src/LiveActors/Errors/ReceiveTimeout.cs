namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>No server message arrived within the time a <c>Receive</c> was willing to wait.</summary>
    /// <param name="Timeout">How long the receive waited.</param>
    public sealed record ReceiveTimeout(TimeSpan Timeout) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "receive_timeout";

        /// <summary>True: the session is fine; receive again.</summary>
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => $"No message arrived within {Timeout.TotalSeconds:0.###} s.";
    }
}
