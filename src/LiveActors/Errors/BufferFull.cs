namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>A send was refused because the outbound queue is at its count or byte limit.</summary>
    /// <param name="QueuedMessages">Messages waiting when the send was refused.</param>
    /// <param name="QueuedBytes">Bytes waiting when the send was refused.</param>
    public sealed record BufferFull(int QueuedMessages, long QueuedBytes) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "buffer_full";

        /// <summary>True: send again once the queue has drained.</summary>
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message =>
            $"The outbound queue is full ({QueuedMessages} messages, {QueuedBytes} bytes waiting); send again later.";
    }
}
