namespace LiveActors.Errors;

public abstract partial record ConnectionError
{
    /// <summary>
    /// A <c>toolResponse</c> answers calls that were lost with a connection: the server issues no resumption handle
    /// while calls are pending, so the resumed session does not know them, and a response to them would leave the model
    /// waiting for good (docs/live-api.md 5.3). The response is not sent. The calls were reported with
    /// <see cref="Live.ToolCallCancelled"/> when the connection ended; send the result as conversation instead, or set
    /// <c>session-resumption.lost-tool-results = as-text</c> to have the session do it.
    /// </summary>
    /// <param name="CallIds">The ids of the lost calls the response answers.</param>
    public sealed record ToolCallLost(IReadOnlyList<string> CallIds) : ConnectionError
    {
        /// <inheritdoc />
        public override string Code => "tool_call_lost";

        /// <inheritdoc />
        public override bool IsRetryable => false;

        /// <inheritdoc />
        public override string Message =>
            $"The tool call {string.Join(", ", CallIds)} was lost with its connection; the resumed session does not know it, so its response is not sent (again).";
    }
}
