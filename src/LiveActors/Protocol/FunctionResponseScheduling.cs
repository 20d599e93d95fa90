namespace LiveActors.Protocol;

/// <summary>When the model takes a NON_BLOCKING function's response (<see cref="FunctionResponse.Scheduling"/>).</summary>
public static class FunctionResponseScheduling
{
    /// <summary>Add it to the context without a reply.</summary>
    public const string Silent = "SILENT";

    /// <summary>Reply to it once the model is idle (the default).</summary>
    public const string WhenIdle = "WHEN_IDLE";

    /// <summary>Interrupt what the model is saying and reply to it now.</summary>
    public const string Interrupt = "INTERRUPT";
}
