namespace LiveActors.Options;

/// <summary>Whether sessions ask for resumption handles and survive reconnects with their context.</summary>
public sealed record SessionResumptionOptions
{
    /// <summary>Send <c>sessionResumption</c> in setup and reconnect with the newest handle. HOCON <c>session-resumption.enabled</c>.</summary>
    public bool Enabled { get; init; } = LiveDefaults.ResumptionEnabled;

    /// <summary>
    /// Vertex AI only: ask for <c>lastConsumedClientMessageIndex</c> and replay what the server had not consumed.
    /// HOCON <c>session-resumption.transparent</c>.
    /// </summary>
    public bool Transparent { get; init; } = LiveDefaults.ResumptionTransparent;
}
