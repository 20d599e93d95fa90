namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>A frame broke the Live API protocol: not JSON, not an object, too deep, too large, or out of order.</summary>
    /// <param name="Detail">What is wrong with the frame.</param>
    public sealed record ProtocolError(string Detail) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "protocol_error";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message => $"Protocol error: {Detail}";
    }
}
