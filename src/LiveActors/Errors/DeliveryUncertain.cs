namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// The message was written, but the server had not shown it had it (no reply to it or to a later turn before a
    /// resumption handle) when its connection ended, or when more written messages waited for that evidence than the
    /// outbound limits allow: the server may or may not have it. Sent in a <see cref="Live.SendFailed"/> so that every
    /// Send ends in a definite outcome; the application decides whether to send it again
    /// (<c>session-resumption.uncertain-messages</c> can have the session do it).
    /// </summary>
    /// <param name="Cause">Why the connection ended, or <see cref="BufferFull"/> for the outbound limits.</param>
    public sealed record DeliveryUncertain(ConnectionError Cause) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "delivery_uncertain";

        /// <inheritdoc />
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => Cause is BufferFull
            ? "Too many written messages were waiting for the server to show it had them, so this one is let go unconfirmed: the server may not have it."
            : $"The connection was lost before the server showed it had the message, so it may not have it ({Cause.Code}).";
    }
}
