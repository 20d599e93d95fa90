namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>Opening the connection (TCP, TLS, upgrade, setup and setupComplete) took longer than the connect timeout.</summary>
    /// <param name="Timeout">The configured connect timeout.</param>
    public sealed record UpgradeTimeout(TimeSpan Timeout) : ConnectionError
    {
        /// <summary>The step that was still running when the time ran out, for example <c>setupComplete</c>.</summary>
        public string? Stage { get; init; }

        /// <inheritdoc />
        public override string Code => "upgrade_timeout";

        /// <inheritdoc />
        public override bool IsRetryable => true;

        /// <inheritdoc />
        public override string Message => Stage is null
            ? $"The connection was not ready within {Timeout.TotalSeconds:0.###} s."
            : $"The connection was not ready within {Timeout.TotalSeconds:0.###} s (still waiting for {Stage}).";
    }
}
