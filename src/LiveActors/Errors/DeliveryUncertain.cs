namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// The connection died while this message was being written: the server may or may not have it. Sent in a
    /// <see cref="Live.SendFailed"/> so that every Send ends in a definite outcome; the application decides whether to
    /// send it again.
    /// </summary>
    /// <param name="Cause">Why the connection died.</param>
    public sealed record DeliveryUncertain(ConnectionError Cause) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "delivery_uncertain";

        /// <inheritdoc />
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => $"The connection was lost while the message was being written, so the server may not have it ({Cause.Code}).";
    }
}
