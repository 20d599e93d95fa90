namespace LiveActors.Protocol;

/// <summary>The values of <c>interactionStatus</c> (<see cref="ServerContent.InteractionStatus"/>, <see cref="ServerMessage.InteractionStatus"/>).</summary>
public static class InteractionStatuses
{
    /// <summary>The model is still working on the input: more of its answer may come, after a turnComplete too.</summary>
    public const string InProgress = "IN_PROGRESS";

    /// <summary>The model is done with everything sent so far and waits for input.</summary>
    public const string Idle = "IDLE";

    /// <summary>Deprecated by the service ("use IDLE instead"); read as <see cref="Idle"/>.</summary>
    public const string RequiresAction = "REQUIRES_ACTION";

    /// <summary>Whether <paramref name="status"/> says the model is idle (IDLE, or the deprecated REQUIRES_ACTION).</summary>
    public static bool IsIdle(string? status) => status is Idle or RequiresAction;
}
