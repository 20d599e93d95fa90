namespace LiveActors.Emulator;

/// <summary>What the emulator does with a setup naming a model it does not serve (see <see cref="LiveEmulatorOptions.UnknownModels"/>).</summary>
public enum UnknownModelPolicy
{
    /// <summary>
    /// Close with 1008 and the service's reason ("models/NAME is not found for API version v1beta, or is not supported
    /// for bidiGenerateContent. Call ListModels...", cut to 123 bytes), as the service does; shut-down models included.
    /// </summary>
    Refuse,

    /// <summary>
    /// Serve it with the emulator's legacy rules, for tests written before it knew the served models: text replies
    /// unless AUDIO is asked for, clientContent at any time, BLOCKING calls cancelled with toolCallCancellation, no
    /// setup checks.
    /// </summary>
    AcceptWithLegacyRules,
}
